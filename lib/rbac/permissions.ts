// RBAC evaluation (API.md §6): the HTTP method picks the action; a user holds the union of their
// roles' permissions in this tenant, an API key its scopes. Read at request time, so changing a
// role changes what existing tokens may do at once.
import { withTenant, type TenantTx } from "@/lib/db/tenant-scope";
import { ApiError } from "@/lib/http/errors";
import type { Action } from "@/lib/rbac/catalogue";
import type { UserPrincipal } from "@/lib/auth/authenticate";
import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";

export type SchoolPrincipal = UserPrincipal | ApiKeyPrincipal;

export function actionFor(method: string): Action {
  switch (method) {
    case "GET": case "HEAD": return "view";
    case "POST": return "add";
    case "PUT": case "PATCH": return "change";
    case "DELETE": return "delete";
    default: throw new ApiError(405, "method_not_allowed", `Method "${method}" not allowed.`);
  }
}

/** Every codename the user holds in the tenant, through their roles there (inside `tx` when given). */
export async function userPermissions(userId: string, tenantId: string, tx?: TenantTx): Promise<Set<string>> {
  const query = (t: TenantTx) => t.schoolRole.findMany({ where: { clientId: tenantId, assignments: { some: { userId } } }, select: { permissions: true } });
  const roles = tx ? await query(tx) : await withTenant(tenantId, query);
  return new Set(roles.flatMap((r) => r.permissions));
}

export async function holds(principal: SchoolPrincipal, codename: string, tenantId: string): Promise<boolean> {
  if (principal.kind === "api_key") return principal.scopes.includes("*") || principal.scopes.includes(codename);
  // Read in this request already (lib/auth/authenticate-school-bearer.ts), or read now.
  return (principal.permissions ?? (await userPermissions(principal.user.id, tenantId))).has(codename);
}

export async function assertPermission(principal: SchoolPrincipal, codename: string, tenantId: string): Promise<void> {
  if (!(await holds(principal, codename, tenantId))) {
    throw ApiError.permissionDenied(`You need the permission "${codename}" for this.`);
  }
}
