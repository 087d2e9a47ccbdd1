// The outbox as platform staff read it (GET /api/v1/system/outbox/, the console's Outbox page):
// each message's delivery, not its body beyond the subject.
import { z } from "zod";
import { QueryIdOrNull, QueryOrdering, listQuery } from "@/lib/http/query";

export const MESSAGE_STATES = ["pending", "sending", "sent", "held"] as const;
export const MESSAGE_CHANNELS = ["email", "sms"] as const;

/** Newest first. */
export const MessageOrdering = QueryOrdering(["created_at", "sent_at", "attempts"], "-created_at,-id");

export const MessageListQuery = listQuery({
  state: z
    .enum(MESSAGE_STATES, { message: `Enter one of ${MESSAGE_STATES.join(", ")}.` })
    .optional()
    .describe("pending (waiting for an attempt), sending (claimed by a worker), sent, held (no transport configured)"),
  channel: z.enum(MESSAGE_CHANNELS, { message: "Enter email or sms." }).optional().describe("email or sms"),
  client: QueryIdOrNull("Enter a school id, or null for platform users' messages.").describe(
    "School id, or null for platform users' messages",
  ),
  ordering: MessageOrdering,
});

export const MessageOut = z
  .object({
    id: z.string(),
    client: z.string().nullable().describe("The school it speaks for; null for a platform user"),
    channel: z.enum(MESSAGE_CHANNELS),
    recipient: z.string().describe("Email address or phone number (E.164)"),
    kind: z.string().describe("What caused it, e.g. password_changed"),
    subject: z.string(),
    state: z.enum(MESSAGE_STATES),
    attempts: z.number().int().describe("Delivery attempts started"),
    last_error: z.string().nullable().describe("Why the last failed attempt failed"),
    next_attempt_at: z.string().describe("When a pending message is tried next"),
    created_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .meta({ id: "OutboxMessage" });

export type MessageRow = z.infer<typeof MessageOut>;

export function toMessageOut(m: {
  id: string;
  clientId: string | null;
  channel: "email" | "sms";
  recipient: string;
  kind: string;
  subject: string;
  state: (typeof MESSAGE_STATES)[number];
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}): MessageRow {
  return {
    id: m.id,
    client: m.clientId,
    channel: m.channel,
    recipient: m.recipient,
    kind: m.kind,
    subject: m.subject,
    state: m.state,
    attempts: m.attempts,
    last_error: m.lastError,
    next_attempt_at: m.nextAttemptAt.toISOString(),
    created_at: m.createdAt.toISOString(),
    sent_at: m.sentAt?.toISOString() ?? null,
  };
}
