"use client";
// The outbox's messages: to whom, what (the subject), and how delivery went — state, attempts, the
// last error, when it was written and sent. Read-only: the worker retries by itself.
import { createColumnHelper } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { MessageRow } from "@/lib/messages/message-schemas";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";

const STATE_BADGES: Record<MessageRow["state"], ReactNode> = {
  sent: <Badge tone="green">Sent</Badge>,
  pending: <Badge tone="amber">Pending</Badge>,
  sending: <Badge tone="amber">Sending</Badge>,
  held: <Badge>Held (no transport)</Badge>,
};

const column = createColumnHelper<MessageRow>();

export function OutboxTable({ rows, schoolNames, empty }: { rows: MessageRow[]; schoolNames: Record<string, string>; empty: ReactNode }) {
  const none = <span className="text-slate-600">—</span>;
  const columns: Columns<MessageRow> = [
    column.accessor("subject", {
      header: "Message",
      meta: { card: "title" },
      cell: ({ row: { original: m } }) => (
        <div className="space-y-0.5">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="break-words font-medium">{m.subject}</span>
            {STATE_BADGES[m.state]}
          </div>
          <span className="block break-all text-xs text-slate-600">
            {m.channel === "email" ? "Email" : "SMS"} to {m.recipient}
          </span>
        </div>
      ),
    }),
    column.accessor("client", {
      header: "From",
      cell: ({ row: { original: m } }) =>
        m.client === null ? <Badge>Platform</Badge> : (schoolNames[m.client] ?? <span className="text-slate-600">A deleted school</span>),
    }),
    column.accessor("attempts", {
      header: "Attempts",
      meta: { sortField: "attempts", align: "end" },
      cell: ({ row: { original: m } }) => m.attempts,
    }),
    column.accessor("last_error", {
      header: "Last error",
      cell: ({ row: { original: m } }) =>
        m.last_error ? (
          <span className="block max-w-xs break-words text-xs">
            {m.last_error}
            {m.state === "pending" ? (
              <span className="block text-slate-600">
                Next attempt <Time iso={m.next_attempt_at} display="absolute" seconds />
              </span>
            ) : null}
          </span>
        ) : (
          none
        ),
    }),
    column.accessor("created_at", {
      header: "Written",
      meta: { sortField: "created_at" },
      cell: ({ row: { original: m } }) => <Time iso={m.created_at} />,
    }),
    column.accessor("sent_at", {
      header: "Sent",
      meta: { sortField: "sent_at" },
      cell: ({ row: { original: m } }) => (m.sent_at ? <Time iso={m.sent_at} /> : none),
    }),
  ];
  return <DataTable columns={columns} data={rows} caption="Outbox" empty={empty} rowId={(m) => m.id} cardsBelow="lg" />;
}
