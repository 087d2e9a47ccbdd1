// The outbox: every message the platform has written (email, SMS) and how its delivery went,
// filtered by state and channel, over GET /api/v1/system/outbox/'s own query (listMessages). Every
// platform role reads it; nobody changes it here — the worker retries failed messages by itself.
import type { Metadata } from "next";
import { ListEmpty } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { OutboxTable } from "@/components/console/outbox/outbox-table";
import { requireConsoleUser } from "@/lib/console/console-session";
import { schoolNames } from "@/lib/console/school-names";
import { listMessages } from "@/lib/messages/list-messages";
import { MessageListQuery } from "@/lib/messages/message-schemas";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/console/outbox";

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireConsoleUser();
  const params = await searchParams;
  const kept = keptParams(params, ["state", "channel", "ordering"]);
  const query = listQueryOf(MessageListQuery, params);
  const result = await listPage(BASE_PATH, kept, () => listMessages(query));
  const names = await schoolNames(result.results.map((m) => m.client));
  const filtered = Boolean(kept.state || kept.channel);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Messages to people (email, or SMS to those without one) and their delivery. A failed delivery is retried by itself; a held message waits for a mail or SMS transport to be configured."
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Filter messages"
        filters={
          <>
            <div className="sm:w-48">
              <SelectField label="State" name="state" defaultValue={kept.state ?? ""}>
                <option value="">Any state</option>
                <option value="pending">Pending</option>
                <option value="sending">Sending</option>
                <option value="sent">Sent</option>
                <option value="held">Held (no transport)</option>
              </SelectField>
            </div>
            <div className="sm:w-40">
              <SelectField label="Channel" name="channel" defaultValue={kept.channel ?? ""}>
                <option value="">Any channel</option>
                <option value="email">Email</option>
                <option value="sms">SMS</option>
              </SelectField>
            </div>
          </>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.messages }}
        active={filtered}
      />
      <OutboxTable
        rows={result.results}
        schoolNames={names}
        empty={
          <ListEmpty filtered={filtered} what="messages" clearHref={BASE_PATH}>
            Messages appear here when something tells a person by email or SMS, such as a changed password.
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}
