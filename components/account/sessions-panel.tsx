"use client";
// "Where you're signed in", for the console's and the portal's My account: every live session of
// the user — device, address, when it signed in and was last active, this one marked — with "Sign
// out" for each other session and "Sign out everywhere else". The app passes its own actions.
// The list itself (SessionsTable) is also a staff member's sessions on their page in the portal.
import { createColumnHelper } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Badge } from "@/components/ui/badge";
import { DataTable, actionsColumn, type Columns } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmAction } from "@/components/ui/form";
import { RowActions, RowConfirm } from "@/components/ui/row-actions";
import { Time } from "@/components/ui/time";

export interface SessionRow {
  id: string;
  /** "Chrome on macOS". */
  device: string;
  ip: string | null;
  created_at: string;
  last_used_at: string;
  current: boolean;
}

const column = createColumnHelper<SessionRow>();

/**
 * Sessions as a list: device (this one marked), address, when signed in and last active, and —
 * when `actions` is given — what may be done to each. Shared by My account and a staff member's page.
 */
export function SessionsTable({
  sessions,
  caption,
  empty,
  actions,
}: {
  sessions: SessionRow[];
  caption: string;
  empty: ReactNode;
  actions?: (session: SessionRow) => ReactNode;
}) {
  const columns: Columns<SessionRow> = [
    column.accessor("device", {
      header: "Device",
      meta: { card: "title" },
      cell: ({ row: { original: s } }) => (
        <span className="font-medium">
          {s.device} {s.current ? <Badge tone="green">This device</Badge> : null}
        </span>
      ),
    }),
    column.accessor("ip", {
      header: "Address",
      cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? "Unknown"}</span>,
    }),
    column.accessor("created_at", { header: "Signed in", cell: ({ getValue }) => <Time iso={getValue()} /> }),
    column.accessor("last_used_at", { header: "Last active", cell: ({ getValue }) => <Time iso={getValue()} /> }),
    ...(actions ? [actionsColumn(column, ({ row: { original: s } }) => actions(s))] : []),
  ];
  return <DataTable columns={columns} data={sessions} caption={caption} rowId={(s) => s.id} empty={empty} />;
}

export function SessionsPanel({
  sessions,
  endSession,
  endOthers,
}: {
  sessions: SessionRow[];
  endSession: (input: { id: string }) => Promise<ActionResult<null>>;
  endOthers: () => Promise<ActionResult<number>>;
}) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sessions-heading" className="text-base font-semibold">
            Where you&apos;re signed in
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Every browser and app signed in to your account here. Sign out any you don&apos;t recognise, then change your password.
          </p>
        </div>
        {others > 0 ? (
          <ConfirmAction
            label="Sign out everywhere else"
            title="Sign out everywhere else?"
            description={`${others === 1 ? "Your other session ends" : `Your ${others} other sessions end`} at once. This browser stays signed in.`}
            confirmLabel="Sign out everywhere else"
            action={endOthers}
          />
        ) : null}
      </div>
      <SessionsTable
        sessions={sessions}
        caption="Your sessions"
        empty={<EmptyState title="No sessions.">Sign in again to see this browser here.</EmptyState>}
        actions={(s) =>
          s.current ? null : (
            <RowActions>
              <RowConfirm
                name={`${s.device}, signed in from ${s.ip ?? "an unknown address"}`}
                label="Sign out"
                title={`Sign out ${s.device}?`}
                description="That browser or app is signed out at once: its next request asks it to sign in again."
                confirmLabel="Sign out"
                action={() => endSession({ id: s.id })}
              />
            </RowActions>
          )
        }
      />
    </section>
  );
}
