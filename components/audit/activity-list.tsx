// The overview's recent activity: the newest audit events in a few words each — what, about what,
// who, where and when; the audit log holds the whole record.
import { actionLabel } from "@/lib/audit/actions";
import { Time } from "@/components/ui/time";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditRow } from "@/components/audit/audit-table";

export function ActivityList({ events, schoolNames }: { events: AuditRow[]; schoolNames: Record<string, string> }) {
  if (events.length === 0) {
    return <EmptyState title="No activity yet.">Sign-ins and changes to schools, users and API keys will appear here.</EmptyState>;
  }
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 px-4 py-3 text-sm sm:flex-row sm:items-baseline sm:gap-4">
          <span className="text-xs text-slate-600 sm:w-36 sm:shrink-0">
            <Time iso={event.at} />
          </span>
          <div className="min-w-0 break-words">
            <span className="font-medium text-slate-900">{actionLabel(event.action)}</span>
            {event.target_label ? <span className="text-slate-800"> · {event.target_label}</span> : null}
            <span className="block text-xs text-slate-600">
              {event.actor_label ?? (event.actor_key ? "An API key" : "Nobody signed in")}
              {" · "}
              {event.client ? (schoolNames[event.client] ?? "a deleted school") : "Platform"}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
