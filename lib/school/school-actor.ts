// The acting principal of a school write (a staff user or an API key) and where it came from.
import type { AuditActor, AuditOrigin } from "@/lib/audit/record-audit";
import type { SchoolPrincipal } from "@/lib/rbac/permissions";
import type { Tenant } from "@/lib/tenancy/resolve-tenant";

export interface SchoolActor {
  principal: SchoolPrincipal;
  tenant: Tenant;
  origin: AuditOrigin;
}

export function schoolAuditActor(principal: SchoolPrincipal): AuditActor {
  return principal.kind === "user"
    ? { userId: principal.user.id, label: principal.user.email ?? principal.user.phone }
    : { keyId: principal.keyId, label: `key ${principal.prefix} (${principal.name})` };
}
