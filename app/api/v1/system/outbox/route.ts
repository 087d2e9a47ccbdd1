// GET /api/v1/system/outbox/ — the outbox's messages and their delivery, newest first (?state=, ?channel=, ?client=)
import { MessageListQuery } from "@/lib/messages/message-schemas";
import { listMessages } from "@/lib/messages/list-messages";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: MessageListQuery }, async ({ query, url }) => ok(pageBody(url, await listMessages(query)))),
});
