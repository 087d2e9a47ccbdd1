"use client";
// The API keys list. Writers get a Revoke button on each live key; revoking is immediate and
// cannot be undone, so it asks first.
import type { ColumnDef } from "@tanstack/react-table";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Badge } from "@/components/ui/badge";
import { UtcTime } from "@/components/console/utc-time";
import { actionMessage } from "@/components/console/action-error";
import { scopeLabel } from "@/components/console/api-keys/key-scopes";
import { revokeKey } from "@/lib/console/actions/api-key-actions";
import type { ApiKeyOut } from "@/lib/api-keys/api-key-schemas";
import type { z } from "zod";

export type ApiKeyRow = z.infer<typeof ApiKeyOut>;

function status(key: ApiKeyRow, now: string): "active" | "revoked" | "expired" {
  if (key.revoked) return "revoked";
  if (key.expires_at && key.expires_at <= now) return "expired";
  return "active";
}

const STATUS_BADGES = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
};

function RevokeButton({ apiKey }: { apiKey: ApiKeyRow }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const revoke = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await revokeKey({ id: apiKey.id });
      if (!result.ok) setError(actionMessage(result));
    });
  return (
    // `relative`: keeps the sr-only text inside the table's scroll box on narrow screens.
    <div className="relative space-y-1">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" pending={pending}>
            Revoke<span className="sr-only"> key {apiKey.name}</span>
          </Button>
        }
        title={`Revoke “${apiKey.name}”?`}
        description={
          <>
            Integrations using the key <code className="font-mono">{apiKey.prefix}…</code> stop working at once. This cannot be undone: a
            revoked key never works again.
          </>
        }
        confirmLabel="Revoke key"
        onConfirm={revoke}
      />
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ApiKeysTable({
  rows,
  schoolNames,
  canWrite,
  now,
  filtered,
}: {
  rows: ApiKeyRow[];
  schoolNames: Record<string, string>;
  canWrite: boolean;
  now: string;
  filtered: boolean;
}) {
  const columns: ColumnDef<ApiKeyRow, unknown>[] = [
    {
      id: "name",
      header: "Name",
      cell: ({ row: { original: k } }) => (
        <div className="min-w-32">
          <div className="font-medium">{k.name}</div>
          <div className="text-xs text-slate-500">
            Created <UtcTime iso={k.created_at} />
          </div>
        </div>
      ),
    },
    {
      id: "prefix",
      header: "Key",
      cell: ({ row: { original: k } }) => <code className="whitespace-nowrap font-mono text-xs">{k.prefix}…</code>,
    },
    {
      id: "school",
      header: "School",
      cell: ({ row: { original: k } }) =>
        k.client === null ? (
          <Badge>Global</Badge>
        ) : (
          <span>{schoolNames[k.client] ?? <span className="font-mono text-xs">{k.client}</span>}</span>
        ),
    },
    {
      id: "scopes",
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
    },
    {
      id: "expires",
      header: "Expires",
      cell: ({ row: { original: k } }) => (k.expires_at ? <UtcTime iso={k.expires_at} /> : <span className="text-slate-500">Never</span>),
    },
    {
      id: "last_used",
      header: "Last used",
      cell: ({ row: { original: k } }) =>
        k.last_used_at ? <UtcTime iso={k.last_used_at} /> : <span className="text-slate-500">Never</span>,
    },
    { id: "status", header: "Status", cell: ({ row: { original: k } }) => STATUS_BADGES[status(k, now)] },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: "Actions",
      cell: ({ row: { original: k } }) => (k.revoked ? null : <RevokeButton apiKey={k} />),
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="API keys"
      empty={
        filtered
          ? "No API key matches these filters."
          : canWrite
            ? "No API keys yet. Create one for a script or an integration."
            : "No API keys yet."
      }
    />
  );
}
