// RBAC evaluation (the REST contract §6): the HTTP method picks the action; a user holds the union of their
// roles' permissions in this tenant, an API key its scopes. Read at request time, so changing a
// role changes what existing tokens may do at once.
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
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

/** Every codename the user holds in the tenant, through their roles there (inside `tx` when given). */
export async function userPermissions(userId: string, schoolId: string, tx?: SchoolTx): Promise<Set<string>> {
  const query = (t: SchoolTx) =>
    t.schoolRole.findMany({ where: { clientId: schoolId, assignments: { some: { userId } } }, select: { permissions: true } });
  const roles = tx ? await query(tx) : await withSchool(schoolId, query);
  return new Set(roles.flatMap((r) => r.permissions));
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
