"use client";
// The API keys list, sortable by the columns GET /system/api-keys/ orders by. Writers get Edit
// (name, scopes, expiry) and Rotate on an active key, and Revoke on each key still working;
// revoking is immediate and cannot be undone, so it asks first.
import { createColumnHelper } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import type { z } from "zod";
import type { ApiKeyOut } from "@/lib/api-keys/api-key-schemas";
import { revokeKey } from "@/lib/console/actions/api-key-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { Time } from "@/components/ui/time";
import { EditApiKeyDialog } from "@/components/console/api-keys/edit-api-key-dialog";
import { scopeLabel } from "@/components/console/api-keys/key-scopes";
import { RotateApiKeyDialog } from "@/components/console/api-keys/rotate-api-key-dialog";

export type ApiKeyRow = z.infer<typeof ApiKeyOut>;

type Status = "active" | "rotating" | "revoked" | "expired";

function status(key: ApiKeyRow, now: string): Status {
  if (key.revoked) return "revoked";
  if (key.expires_at && key.expires_at <= now) return "expired";
  // Replaced by a rotation and still in its grace period (revokes_at is set only then).
  if (key.revokes_at) return key.revokes_at <= now ? "revoked" : "rotating";
  return "active";
}

const STATUS_BADGES = {
  active: <Badge tone="green">Active</Badge>,
  rotating: <Badge tone="amber">Replaced</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
};

const column = createColumnHelper<ApiKeyRow>();

function KeyActions({ apiKey: k, state, schoolName }: { apiKey: ApiKeyRow; state: Status; schoolName: string }) {
  const [open, setOpen] = useState<"edit" | "rotate" | null>(null);
  const close = (next: boolean) => {
    if (!next) setOpen(null);
  };
  // Rendered for every row, so that a rotation's dialog outlives the row's change to "Replaced" or
  // (with no grace period) "Revoked": it is showing the new key.
  const dialogs = (
    <>
      {open === "edit" ? <EditApiKeyDialog apiKey={k} schoolName={schoolName} open onOpenChange={close} /> : null}
      {open === "rotate" ? <RotateApiKeyDialog apiKey={k} open onOpenChange={close} /> : null}
    </>
  );
  if (state === "revoked")
    return (
      <>
        {/* A phone's card would otherwise end in an empty actions bar (the table shows nothing). */}
        <span className="text-slate-600 md:hidden">Revoked keys stay listed for the record.</span>
        {dialogs}
      </>
    );
  return (
    <>
      <RowActions>
        {/* An expired key may be given a later expiry; a replaced one is changed through its successor. */}
        {state === "active" || state === "expired" ? (
          <RowButton name={`key ${k.name}`} onClick={() => setOpen("edit")}>
            Edit
          </RowButton>
        ) : null}
        {state === "active" ? (
          <RowButton name={`key ${k.name}`} onClick={() => setOpen("rotate")}>
            Rotate
          </RowButton>
        ) : null}
        <RowConfirm
          name={`key ${k.name}`}
          label="Revoke"
          title={`Revoke “${k.name}”?`}
          description={
            <>
              Integrations using the key <code className="font-mono">{k.prefix}…</code> stop working at once. This cannot be undone: a
              revoked key never works again.
            </>
          }
          confirmLabel="Revoke key"
          action={() => revokeKey({ id: k.id })}
        />
      </RowActions>
      {dialogs}
    </>
  );
}

export function ApiKeysTable({
  rows,
  schoolNames,
  canWrite,
  now,
  empty,
}: {
  rows: ApiKeyRow[];
  /** The names of the schools of these rows, by id. */
  schoolNames: Record<string, string>;
  canWrite: boolean;
  /** The server's clock, for "expired" (the same on both renders). */
  now: string;
  empty: ReactNode;
}) {
  const never = <span className="text-slate-600">Never</span>;
  const schoolName = (k: ApiKeyRow) => (k.client === null ? "Every school (a global key)" : (schoolNames[k.client] ?? "A deleted school"));
  const columns: Columns<ApiKeyRow> = [
    column.accessor("name", {
      header: "Name",
      meta: { card: "title", sortField: "name" },
      cell: ({ row: { original: k } }) => (
        <div className="space-y-0.5">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="break-words font-medium">{k.name}</span>
            {STATUS_BADGES[status(k, now)]}
          </div>
          <code className="block font-mono text-xs text-slate-600">{k.prefix}…</code>
          {status(k, now) === "rotating" && k.revokes_at ? (
            <span className="block text-xs text-slate-600">
              Stops working <Time iso={k.revokes_at} display="absolute" />
            </span>
          ) : null}
        </div>
      ),
    }),
    column.accessor("client", {
      header: "School",
      cell: ({ row: { original: k } }) =>
        k.client === null ? <Badge>Global</Badge> : (schoolNames[k.client] ?? <span className="text-slate-600">A deleted school</span>),
    }),
    column.accessor("scopes", {
      header: "Scopes",
      cell: ({ row: { original: k } }) => (
        <ul className="flex max-w-xs flex-wrap gap-1" aria-label={`Scopes of ${k.name}`}>
          {k.scopes.map((s) => (
            <li key={s} title={scopeLabel(s)} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
              {s === "*" ? "* (all)" : s}
            </li>
          ))}
        </ul>
      ),
    }),
    column.accessor("expires_at", {
      header: "Expires",
      meta: { sortField: "expires_at" },
      cell: ({ row: { original: k } }) => (k.expires_at ? <Time iso={k.expires_at} display="absolute" /> : never),
    }),
    column.accessor("last_used_at", {
      header: "Last used",
      meta: { sortField: "last_used_at" },
      cell: ({ row: { original: k } }) => (k.last_used_at ? <Time iso={k.last_used_at} /> : never),
    }),
    column.accessor("created_at", {
      header: "Created",
      meta: { sortField: "created_at" },
      cell: ({ row: { original: k } }) => <Time iso={k.created_at} />,
    }),
    ...(canWrite
      ? [actionsColumn(column, ({ row: { original: k } }) => <KeyActions apiKey={k} state={status(k, now)} schoolName={schoolName(k)} />)]
      : []),
  ];
  return <DataTable columns={columns} data={rows} caption="API keys" empty={empty} rowId={(k) => k.id} />;
}
