// The outbox's list for platform staff: every school's messages and the platform's, filtered by
// state, channel and school.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { MessageOrdering, toMessageOut, type MESSAGE_CHANNELS, type MESSAGE_STATES } from "@/lib/messages/message-schemas";

type MessageField = OrderingField<typeof MessageOrdering>;
const NEWEST_FIRST = defaultOrdering(MessageOrdering);
const messageOrderBy: OrderColumns<MessageField, Prisma.OutboxMessageOrderByWithRelationInput> = {
  created_at: (d) => ({ createdAt: d }),
  sent_at: (d) => ({ sentAt: { sort: d, nulls: "last" } }),
  attempts: (d) => ({ attempts: d }),
  id: (d) => ({ id: d }),
};

export async function listMessages(options: {
  state?: (typeof MESSAGE_STATES)[number];
  channel?: (typeof MESSAGE_CHANNELS)[number];
  client?: string | null;
  ordering?: Ordering<MessageField>;
  page: PageRequest;
}) {
  const { state, channel, client, ordering = NEWEST_FIRST, page } = options;
  const where: Prisma.OutboxMessageWhereInput = {
    ...(state ? { state } : {}),
    ...(channel ? { channel } : {}),
    ...(client !== undefined ? { clientId: client } : {}),
  };
  return paginate(
    page,
    {
      count: () => prisma.outboxMessage.count({ where }),
      rows: ({ skip, take }) => prisma.outboxMessage.findMany({ where, orderBy: mapOrdering(ordering, messageOrderBy), skip, take }),
    },
    toMessageOut,
  );
}
