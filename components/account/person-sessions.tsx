"use client";
// Someone's sessions on their page, in both apps (a school's staff member, a platform staff
// member): every browser and app signed in to their account (GET …/users/{id}/sessions/), with
// "Sign out everywhere" (DELETE) for those who may. Your own are on My account, where you can end
// them one by one.
import type { ReactNode } from "react";
import type { SessionRow } from "@/components/account/sessions-panel";
import { SessionsTable } from "@/components/account/sessions-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action-result";

export function PersonSessions({
  memberName,
  sessions,
  canEnd,
  isSelf,
  endAll,
  selfNote,
}: {
  memberName: string;
  sessions: SessionRow[];
  /** The viewer may sign them out (the page's app decides: users.change within reach, a superadmin…). */
  canEnd: boolean;
  isSelf: boolean;
  /** The app's server action that ends every session of this person (bound to them). */
  endAll: () => Promise<ActionResult<unknown>>;
  /** What the page says on your own: where you end them. */
  selfNote: ReactNode;
}) {
  const count = sessions.length;
  return (
    <section aria-labelledby="staff-sessions" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="staff-sessions" className="text-lg font-semibold">
            Sessions
          </h2>
          <p className="mt-1 text-sm text-slate-600">Every browser and app signed in as {memberName}.</p>
        </div>
        {canEnd && !isSelf && count > 0 ? (
          <ConfirmAction
            label="Sign out everywhere"
            title={`Sign ${memberName} out everywhere?`}
            description={
              <>
                {count === 1 ? "Their session ends" : `All ${count} of their sessions end`} at once: every browser and app signed in as{" "}
                <strong>{memberName}</strong> must sign in again. Their password does not change.
              </>
            }
            confirmLabel="Sign out everywhere"
            action={endAll}
          />
        ) : null}
      </div>
      {isSelf ? <p className="mb-3 text-sm text-slate-600">{selfNote}</p> : null}
      <SessionsTable
        sessions={sessions}
        caption={`Sessions of ${memberName}`}
        empty={<EmptyState title="Not signed in anywhere">A session appears here when they sign in.</EmptyState>}
      />
    </section>
  );
}
