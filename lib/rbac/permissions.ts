// RBAC evaluation (the REST contract §6): the HTTP method picks the action; a user holds the union of their
// roles' permissions in this tenant, an API key its scopes. Read at request time, so changing a
// role changes what existing tokens may do at once — and a grant counts only within its term
// (lib/rbac/grant-terms.ts), judged by the database's clock like the Bearer check's.
import { Prisma } from "@/lib/db/client";
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
import { LIVE_GRANT_SQL, NOT_ENDED_GRANT_SQL } from "@/lib/rbac/grant-terms";
import { ApiError } from "@/lib/http/api-error";
import type { Action } from "@/lib/rbac/catalogue";
import type { Principal } from "@/lib/rbac/principal";

export function actionFor(method: string): Action {
  switch (method) {
    case "GET":
    case "HEAD":
      return "view";
    case "POST":
      return "add";
    case "PUT":
    case "PATCH":
      return "change";
    case "DELETE":
      return "delete";
    default:
      throw new ApiError(405, "method_not_allowed", `Method "${method}" not allowed.`);
  }
}

const LIVE = Prisma.raw(LIVE_GRANT_SQL);
const NOT_ENDED = Prisma.raw(NOT_ENDED_GRANT_SQL);

/**
 * Every codename the user holds in the tenant now, through their live grants there (inside `tx`
 * when given). With `pending`, also what grants still to start will give them: the reach of
 * someone who is to become an Admin next week is an Admin's.
 */
export async function userPermissions(
  userId: string,
  schoolId: string,
  tx?: SchoolTx,
  options: { pending?: boolean } = {},
): Promise<Set<string>> {
  const query = (t: SchoolTx) => t.$queryRaw<{ codename: string }[]>`
    SELECT DISTINCT p.codename
    FROM user_role_assignments a
    JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
    CROSS JOIN LATERAL unnest(r.permissions) AS p(codename)
    WHERE a.user_id = ${userId}::uuid AND a.client_id = ${schoolId}::uuid AND ${options.pending ? NOT_ENDED : LIVE}`;
  const rows = tx ? await query(tx) : await withSchool(schoolId, query);
  return new Set(rows.map((r) => r.codename));
}

export async function holds(principal: Principal, codename: string, schoolId: string): Promise<boolean> {
  if (principal.kind === "api_key") return principal.scopes.includes("*") || principal.scopes.includes(codename);
  // Read in this request already (lib/auth/authenticate-school-bearer.ts), or read now.
  return (principal.permissions ?? (await userPermissions(principal.user.id, schoolId))).has(codename);
}

export async function assertPermission(principal: Principal, codename: string, schoolId: string): Promise<void> {
  if (!(await holds(principal, codename, schoolId))) {
    throw ApiError.permissionDenied(`You need the permission "${codename}" for this.`);
  }
}
