"use client";
// The audit trail, for the console (every school and the platform) and for a school's portal (its
// own trail): when (in the viewer's zone), what (the action's label), who, about what (the target's
// name, linking to that object's whole story), and — in the console — in which school. The full
// record (the action's code, metadata, ids, address, user agent, request id) opens in place.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { z } from "zod";
import { actionLabel, AUDIT_TARGET_TYPE_LABELS, type AuditTargetType } from "@/lib/audit/actions";
import type { AuditEventOut } from "@/lib/audit/audit-schemas";
import { DataTable, type Columns } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";

export type AuditRow = z.infer<typeof AuditEventOut>;

const column = createColumnHelper<AuditRow>();
const short = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);
const typeLabel = (type: string) => AUDIT_TARGET_TYPE_LABELS[type as AuditTargetType] ?? type;

function summary(metadata: unknown): string {
  if (metadata === null || metadata === undefined) return "";
  if (typeof metadata !== "object" || Array.isArray(metadata)) return JSON.stringify(metadata);
  const text = Object.entries(metadata as Record<string, unknown>)
    // Nothing to say about an empty list or value ("roles: " reads as a cut-off word).
    .filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function Details({ event }: { event: AuditRow }) {
  const line = summary(event.metadata);
  const item = (label: string, value: string | null, mono = true) =>
    value ? (
      <div>
        <dt className="inline font-medium text-slate-700">{label}: </dt>
        <dd className={`inline break-words ${mono ? "font-mono" : ""}`}>{value}</dd>
      </div>
    ) : null;
  return (
    <details className="group max-w-sm text-xs">
      <summary className="cursor-pointer list-none rounded text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-slate-900/30 [&::-webkit-details-marker]:hidden">
        <span className="mr-1 inline-block transition-transform group-open:rotate-90" aria-hidden>
          ▸
        </span>
        {line || "More"}
        <span className="sr-only"> — details of this event</span>
      </summary>
      <dl className="mt-2 space-y-1 rounded bg-slate-50 p-2">
        {item("Action code", event.action)}
        {event.metadata !== null ? (
          <div>
            <dt className="font-medium text-slate-700">Metadata</dt>
            <dd>
              <pre className="whitespace-pre-wrap break-words font-mono">{JSON.stringify(event.metadata, null, 2)}</pre>
            </dd>
          </div>
        ) : null}
        {item("Event id", event.id)}
        {item("Target", event.target_id ? `${event.target_type} ${event.target_id}` : null)}
        {item("Address", event.ip)}
        {item("Request id", event.request_id)}
        {item("User agent", event.user_agent, false)}
      </dl>
    </details>
  );
}

function Actor({ event }: { event: AuditRow }) {
  if (event.actor_label) return <span className="break-words">{event.actor_label}</span>;
  if (event.actor_key) return <span>API key {short(event.actor_key)}</span>;
  if (event.actor_user) return <span>User {short(event.actor_user)}</span>;
  return <span className="text-slate-600">Nobody signed in</span>;
}

/** The target: its name (or kind and short id), linking to every event about it. */
function Target({ event, storyHref }: { event: AuditRow; storyHref: (id: string) => string }) {
  if (!event.target_type) return <span className="text-slate-600">—</span>;
  const name = event.target_label ?? (event.target_id ? short(event.target_id) : null);
  const text = (
    <>
      <span className="text-slate-600">{typeLabel(event.target_type)}</span>
      {name ? <span className="break-words"> {name}</span> : null}
    </>
  );
  if (!event.target_id) return text;
  return (
    <Link href={storyHref(event.target_id)} className="underline decoration-slate-300 underline-offset-4 hover:decoration-slate-900">
      {text}
      <span className="sr-only"> — show every event about it</span>
    </Link>
  );
}

export function AuditTable({
  rows,
  schoolNames,
  empty,
}: {
  rows: AuditRow[];
  /** The console's school column: names of the schools on this page; absent in a school's own trail. */
  schoolNames?: Record<string, string>;
  empty: React.ReactNode;
}) {
  const pathname = usePathname();
  const params = useSearchParams();
  const storyHref = (id: string) => {
    const next = new URLSearchParams(params.toString());
    next.set("target", id);
    next.delete("page");
    return `${pathname}?${next.toString()}`;
  };
  const columns: Columns<AuditRow> = [
    column.accessor("at", {
      header: "Time",
      meta: { sortField: "at" },
      cell: ({ getValue }) => <Time iso={getValue()} seconds />,
    }),
    column.accessor("action", {
      header: "Action",
      meta: { card: "title" },
      cell: ({ getValue }) => (
        <span className="font-medium" title={getValue()}>
          {actionLabel(getValue())}
        </span>
      ),
    }),
    column.display({ id: "actor", header: "Who", cell: ({ row }) => <Actor event={row.original} /> }),
    column.display({ id: "target", header: "About", cell: ({ row }) => <Target event={row.original} storyHref={storyHref} /> }),
    ...(schoolNames
      ? [
          column.accessor("client", {
            header: "School",
            cell: ({ getValue }) => {
              const id = getValue();
              if (!id) return <span className="text-slate-600">Platform</span>;
              return schoolNames[id] ?? <span className="text-slate-600">Deleted school {short(id)}</span>;
            },
          }),
        ]
      : []),
    column.display({ id: "details", header: "Details", cell: ({ row }) => <Details event={row.original} /> }),
  ];
  return <DataTable columns={columns} data={rows} caption="Audit events, newest first" empty={empty} rowId={(e) => e.id} cardsBelow="lg" />;
}
