// The outbox (API §8 Messages): a message is a row written in the same transaction as the event
// that causes it — it exists exactly when its cause committed — and the worker of any instance
// delivers it later (lib/messages/worker.ts). Nothing here talks to a mail server.
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RenderedMessage, Sender } from "@/lib/messages/templates";
import { publicOrigin } from "@/lib/messages/public-origin";

export type MessageChannel = "email" | "sms";

export interface OutboxEntry {
  /** The school it speaks for; null for a platform user. */
  schoolId: string | null;
  channel: MessageChannel;
  recipient: string;
  /** What caused it, e.g. password_changed. */
  kind: string;
  subject: string;
  text: string;
  html: string | null;
}

type OutboxTx = Pick<Prisma.TransactionClient, "outboxMessage">;

/** Writes one message inside the caller's transaction: it is sent only if that commits. */
export async function enqueueMessage(tx: OutboxTx, entry: OutboxEntry): Promise<{ id: string }> {
  return tx.outboxMessage.create({
    data: {
      clientId: entry.schoolId,
      channel: entry.channel,
      recipient: entry.recipient,
      kind: entry.kind,
      subject: entry.subject.slice(0, 200),
      text: entry.text,
      html: entry.html,
    },
    select: { id: true },
  });
}

/** Where a person is reached: their email when they have one, else their phone by SMS. */
export function recipientOf(user: { email: string | null; phone: string | null }): { channel: MessageChannel; recipient: string } | null {
  if (user.email) return { channel: "email", recipient: user.email };
  if (user.phone) return { channel: "sms", recipient: user.phone };
  return null;
}

/** The school's own host (`<slug>.<root domain>`), or the platform's, as messages name them, and where their links open. */
export async function senderOf(tx: Pick<Prisma.TransactionClient, "client">, schoolId: string | null): Promise<Sender> {
  const root = env().SMS_ROOT_DOMAIN;
  if (!schoolId) return { kind: "platform", host: root, origin: publicOrigin(null) };
  const school = await tx.client.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true, slug: true } });
  return { kind: "school", name: school.name, host: `${school.slug}.${root}`, origin: publicOrigin(school.slug) };
}

/**
 * Tells a user something: the message `render` makes for their school (or the platform), by email
 * or else SMS, in the caller's transaction. A user with neither (the database forbids it) gets none.
 */
export async function notifyUser(
  tx: OutboxTx & Pick<Prisma.TransactionClient, "client">,
  options: {
    user: { email: string | null; phone: string | null };
    schoolId: string | null;
    kind: string;
    render: (sender: Sender) => RenderedMessage;
  },
): Promise<{ id: string } | null> {
  const to = recipientOf(options.user);
  if (!to) return null;
  const rendered = options.render(await senderOf(tx, options.schoolId));
  return enqueueMessage(tx, {
    schoolId: options.schoolId,
    channel: to.channel,
    recipient: to.recipient,
    kind: options.kind,
    subject: rendered.subject,
    text: to.channel === "email" ? rendered.text : rendered.sms,
    html: to.channel === "email" ? rendered.html : null,
  });
}
