// The audit trail as GET /api/v1/system/audit/ and GET /api/v1/school/audit/ show it.
import { z } from "zod";
import { AUDIT_TARGET_TYPES } from "@/lib/audit/actions";

export const AuditEventOut = z
  .object({
    id: z.string(),
    at: z.string().describe("ISO 8601 UTC"),
    action: z.string().describe("e.g. system.login.succeeded, client.suspended, api_key.revoked"),
    actor_user: z.string().nullable(),
    actor_key: z.string().nullable(),
    actor_label: z.string().nullable().describe("Email or phone of the actor at the time"),
    client: z.string().nullable(),
    target_type: z
      .string()
      .nullable()
      .describe(`What the event is about: ${AUDIT_TARGET_TYPES.join(", ")}`),
    target_id: z.string().nullable(),
    target_label: z
      .string()
      .nullable()
      .describe(
        "The target's name when read: a school's name, a user's full name (else email, else phone), an API key's, a role's or a class's name, a student's \"First Last\", a role assignment as \"<user> as <role>\". A deleted target keeps the name its events stored. null when no name is known (a session), and in a school's trail for anything not of that school",
      ),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    metadata: z.unknown().nullable(),
  })
  .meta({ id: "AuditEvent" });

export function toAuditEventOut(e: {
  id: string;
  at: Date;
  action: string;
  actorUserId: string | null;
  actorKeyId: string | null;
  actorLabel: string | null;
  clientId: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The target's name, resolved for the page (lib/audit/target-labels.ts). */
  targetLabel: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  metadata: unknown;
}): z.infer<typeof AuditEventOut> {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actor_user: e.actorUserId,
    actor_key: e.actorKeyId,
    actor_label: e.actorLabel,
    client: e.clientId,
    target_type: e.targetType,
    target_id: e.targetId,
    target_label: e.targetLabel,
    ip: e.ip,
    user_agent: e.userAgent,
    request_id: e.requestId,
    metadata: e.metadata ?? null,
  };
}
