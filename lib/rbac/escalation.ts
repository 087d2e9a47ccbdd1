// The hierarchy rules of the REST contract §6, next to the catalogue: nobody grants what they do not hold,
// and a school always keeps at least one active user holding every permission.
import { ApiError } from "@/lib/http/api-error";
import { Prisma } from "@/lib/db/client";
import { ALL_CODENAMES } from "@/lib/rbac/catalogue";
import { LASTING_GRANT_SQL } from "@/lib/rbac/grant-terms";
import { userPermissions } from "@/lib/rbac/permissions";
import type { Principal } from "@/lib/rbac/principal";
import type { SchoolTx } from "@/lib/db/school-scope";

export async function principalPermissions(principal: Principal, schoolId: string, tx?: SchoolTx): Promise<Set<string>> {
  if (principal.kind === "api_key") return new Set(principal.scopes.includes("*") ? ALL_CODENAMES : principal.scopes);
  return userPermissions(principal.user.id, schoolId, tx);
}

/** 403 unless the caller holds every one of `codenames`. */
export async function assertCanGrant(principal: Principal, schoolId: string, codenames: Iterable<string>, tx?: SchoolTx): Promise<void> {
  const held = await principalPermissions(principal, schoolId, tx);
  const missing = [...new Set(codenames)].filter((c) => !held.has(c)).sort();
  if (missing.length) {
    throw ApiError.permissionDenied(`You cannot grant permissions you do not hold: ${missing.join(", ")}.`);
  }
}

/**
 * 403 unless the caller is a full admin of the school now: a user holding every permission through
 * grants within their term (an acting admin included). The school's own settings need it, since
 * they bind every member of staff whatever their role.
 */
export async function assertFullAdmin(principal: Principal, schoolId: string, tx?: SchoolTx): Promise<void> {
  const held = principal.kind === "user" ? await principalPermissions(principal, schoolId, tx) : new Set<string>();
  if (!ALL_CODENAMES.every((c) => held.has(c))) {
    throw ApiError.permissionDenied("Only a full admin (a user holding every permission) may change the school's settings.");
  }
}

const LASTING = Prisma.raw(LASTING_GRANT_SQL);

/**
 * Active users of the tenant who hold every permission through grants that are live now and have
 * no end: an acting admin whose term runs out does not keep the school administered, so setting
 * an end on the last lasting admin's grant is refused like taking it away.
 */
async function fullAdminCount(tx: SchoolTx, schoolId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT u.id
      FROM users u
      JOIN user_role_assignments a ON a.user_id = u.id AND a.client_id = u.client_id
      JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
      CROSS JOIN LATERAL unnest(r.permissions) AS p(codename)
      WHERE u.client_id = ${schoolId}::uuid AND u.is_active AND ${LASTING}
      GROUP BY u.id
      HAVING count(DISTINCT p.codename) FILTER (WHERE p.codename = ANY(${ALL_CODENAMES}::text[])) = ${ALL_CODENAMES.length}
    ) full_admins`;
  return rows[0]?.n ?? 0;
}

/**
 * Runs `change` and refuses it (rolling the transaction back) if it takes the tenant from having a
 * full admin to having none. Changes of this kind are serialised per tenant, so two concurrent
 * demotions cannot each count on the other admin remaining.
 */
export async function keepingAFullAdmin<T>(tx: SchoolTx, schoolId: string, change: () => Promise<T>): Promise<T> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727004, hashtext(${schoolId}))`;
  const before = await fullAdminCount(tx, schoolId);
  const result = await change();
  if (before > 0 && (await fullAdminCount(tx, schoolId)) === 0) {
    throw ApiError.invalid({ non_field_errors: ["This school must keep at least one active user holding every permission."] });
  }
  return result;
}
