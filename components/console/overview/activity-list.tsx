// The overview's recent activity: when, who, what, and which school.
import Link from "next/link";
import type { ActivityItem } from "@/lib/platform/overview";

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const ACTIONS: Record<string, string> = {
  "client.created": "Created a school",
  "client.updated": "Edited a school",
  "client.suspended": "Suspended a school",
  "client.reactivated": "Reactivated a school",
  "client.deleted": "Deleted a school",
  "tenant_user.created": "Added a school user",
  "platform_user.created": "Added a platform user",
  "platform_user.updated": "Changed a platform user",
  "platform_user.deleted": "Removed a platform user",
  "api_key.created": "Created an API key",
  "api_key.updated": "Changed an API key",
  "api_key.revoked": "Revoked an API key",
  "system.login.succeeded": "Signed in (platform)",
  "system.login.failed": "Failed sign-in (platform)",
  "system.login.refused": "Refused sign-in (platform)",
  "system.logout": "Signed out (platform)",
  "system.logout.all": "Signed out everywhere (platform)",
  "school.login.succeeded": "Signed in (school)",
  "school.login.failed": "Failed sign-in (school)",
  "school.login.refused": "Refused sign-in (school)",
  "school.logout": "Signed out (school)",
  "school.logout.all": "Signed out everywhere (school)",
};

export function ActivityList({ items }: { items: ActivityItem[] }) {
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
        No activity yet. Sign-ins and changes to schools, users and API keys will appear here.
      </div>
    );
  }
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[11rem_1fr_auto] sm:items-baseline sm:gap-4">
          <time dateTime={item.at} className="whitespace-nowrap text-xs text-slate-500">
            {TIME.format(new Date(item.at))} UTC
          </time>
          <div className="min-w-0">
            <p className="text-slate-900">
              <span className="font-medium">{ACTIONS[item.action] ?? item.action}</span>
              {item.school ? (
                <>
                  {" · "}
                  {item.school.exists ? (
                    <Link
                      href={`/console/schools?search=${encodeURIComponent(item.school.slug)}`}
                      className="underline underline-offset-4 hover:text-slate-700"
                    >
                      {item.school.name}
                    </Link>
                  ) : (
                    <span>
                      {item.school.name} <span className="text-slate-500">(deleted)</span>
                    </span>
                  )}
                </>
              ) : null}
            </p>
            <p className="truncate text-xs text-slate-500">{item.actor ?? "Anonymous"}</p>
          </div>
          <code className="hidden text-xs text-slate-400 sm:block">{item.action}</code>
        </li>
      ))}
    </ol>
  );
}
