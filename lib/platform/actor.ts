// The acting platform user of a write, as the audit trail records it.
import type { AuditOrigin } from "@/lib/audit/record-audit";
import type { PublicUser } from "@/lib/users/user-schemas";

export interface Actor {
  user: PublicUser;
  origin: AuditOrigin;
}

export function auditActor(actor: Actor) {
  return { userId: actor.user.id, label: actor.user.email ?? actor.user.phone };
}
