// The one actor of every write, for both audiences: who (a user or an API key) and from where.
// A platform write's actor is a platform user; a school write's, a staff member or an API key.
import type { AuditActor } from "@/lib/audit/record-audit";
import type { RequestOrigin } from "@/lib/http/request-context";
import type { Principal, UserPrincipal } from "@/lib/rbac/principal";

export interface Actor<P extends Principal = Principal> {
  principal: P;
  origin: RequestOrigin;
}

/** A platform write's actor: always a signed-in platform user. */
export type PlatformActor = Actor<UserPrincipal>;

/** How the audit trail names an actor: its id, and a label that survives the actor's deletion. */
export function auditActor(principal: Principal): AuditActor {
  return principal.kind === "user"
    ? { userId: principal.user.id, label: principal.user.email ?? principal.user.phone }
    : { keyId: principal.keyId, label: `key ${principal.prefix} (${principal.name})` };
}
