"use client";
// The audit trail, newest first. Each row's metadata is summarised in one line; the full record
// (metadata, user agent, request id) opens in place.
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/console/utc-time";
import type { AuditEventOut } from "@/lib/audit/audit-schemas";
import type { z } from "zod";

export type AuditRow = z.infer<typeof AuditEventOut>;

function short(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

function summary(metadata: unknown): string {
  if (metadata === null || metadata === undefined) return "";
  if (typeof metadata !== "object" || Array.isArray(metadata)) return JSON.stringify(metadata);
  const text = Object.entries(metadata as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function Details({ event }: { event: AuditRow }) {
  const line = summary(event.metadata);
  return (
    <details className="group relative max-w-sm text-xs">
      <summary className="cursor-pointer list-none rounded text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-slate-900/30 [&::-webkit-details-marker]:hidden">
        <span className="mr-1 inline-block transition-transform group-open:rotate-90" aria-hidden>
          ▸
        </span>
        {line || <span className="text-slate-500">More</span>}
        <span className="sr-only"> — details of {event.action}</span>
      </summary>
      <dl className="mt-2 space-y-1 rounded bg-slate-50 p-2">
        {event.metadata !== null ? (
          <div>
            <dt className="font-medium text-slate-600">Metadata</dt>
            <dd>
              <pre className="whitespace-pre-wrap break-all font-mono">{JSON.stringify(event.metadata, null, 2)}</pre>
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="inline font-medium text-slate-600">Event id: </dt>
          <dd className="inline font-mono">{event.id}</dd>
        </div>
        {event.target_id ? (
          <div>
            <dt className="inline font-medium text-slate-600">Target: </dt>
            <dd className="inline font-mono">
              {event.target_type} {event.target_id}
            </dd>
          </div>
        ) : null}
        {event.request_id ? (
          <div>
            <dt className="inline font-medium text-slate-600">Request id: </dt>
            <dd className="inline font-mono">{event.request_id}</dd>
          </div>
        ) : null}
        {event.user_agent ? (
          <div>
            <dt className="inline font-medium text-slate-600">User agent: </dt>
            <dd className="inline break-all">{event.user_agent}</dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}

function actorOf(e: AuditRow) {
  if (e.actor_label) return <span className="break-all">{e.actor_label}</span>;
  if (e.actor_key)
    return (
      <span>
        API key <span className="font-mono text-xs">{short(e.actor_key)}</span>
      </span>
    );
  if (e.actor_user)
    return (
      <span>
        User <span className="font-mono text-xs">{short(e.actor_user)}</span>
      </span>
    );
  return <span className="text-slate-500">—</span>;
}

export function AuditTable({ rows, schoolNames, filtered }: { rows: AuditRow[]; schoolNames: Record<string, string>; filtered: boolean }) {
  const columns: ColumnDef<AuditRow, unknown>[] = [
    { id: "at", header: "Time", cell: ({ row: { original: e } }) => <UtcTime iso={e.at} seconds /> },
    {
      id: "action",
      header: "Action",
      cell: ({ row: { original: e } }) => <code className="whitespace-nowrap font-mono text-xs">{e.action}</code>,
    },
    { id: "actor", header: "Actor", cell: ({ row: { original: e } }) => actorOf(e) },
    {
      id: "school",
      header: "School",
      cell: ({ row: { original: e } }) =>
        e.client ? (
          (schoolNames[e.client] ?? (
            <span className="font-mono text-xs" title={e.client}>
              {short(e.client)}
            </span>
          ))
        ) : (
          <span className="text-slate-500">Platform</span>
        ),
    },
    {
      id: "target",
      header: "Target",
      cell: ({ row: { original: e } }) =>
        e.target_type ? (
          <span className="whitespace-nowrap">
            {e.target_type}{" "}
            {e.target_id ? (
              <span className="font-mono text-xs" title={e.target_id}>
                {short(e.target_id)}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
    {
      id: "ip",
      header: "IP",
      cell: ({ row: { original: e } }) =>
        e.ip ? <span className="font-mono text-xs">{e.ip}</span> : <span className="text-slate-500">—</span>,
    },
    { id: "details", header: "Details", cell: ({ row: { original: e } }) => <Details event={e} /> },
  ];
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Audit events, newest first"
      empty={filtered ? "No audit events match these filters." : "No audit events yet."}
    />
  );
}
