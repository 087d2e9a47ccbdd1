// Overview: the platform's numbers at a glance and what happened last.
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ActivityList } from "@/components/audit/activity-list";
import { StatCard } from "@/components/console/overview/stat-card";
import { requireConsoleUser } from "@/lib/console/console-session";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { schoolNames } from "@/lib/console/school-names";
import { platformCounts } from "@/lib/platform/overview";
import { canWrite } from "@/lib/platform/policy";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

const LINK = "text-sm font-medium text-slate-700 underline underline-offset-4 hover:text-slate-900";

export default async function OverviewPage() {
  const { user } = await requireConsoleUser();
  const [counts, activity] = await Promise.all([platformCounts(), listAuditEvents({ page: { page: 1, pageSize: 10 } })]);
  const names = await schoolNames(activity.results.map((e) => e.client));
  const schools = counts.schoolsActive + counts.schoolsSuspended;
  const inactive = (n: number) => (n ? `${n.toLocaleString("en-US")} deactivated` : "All active");

  return (
    <>
      <PageHeader
        title="Overview"
        description={canWrite(user) ? "The platform at a glance." : "The platform at a glance. Your role may only read."}
      />
      <section aria-labelledby="numbers" className="mb-10">
        <h2 id="numbers" className="sr-only">
          Numbers
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
          <StatCard
            label="Active schools"
            value={counts.schoolsActive}
            note={`of ${schools.toLocaleString("en-US")} in all`}
            href="/console/schools?is_active=true"
          />
          <StatCard
            label="Suspended schools"
            value={counts.schoolsSuspended}
            note="Their staff and keys are refused"
            href="/console/schools?is_active=false"
          />
          <StatCard
            label="Platform users"
            value={counts.platformUsers}
            note={inactive(counts.platformUsersInactive)}
            href="/console/staff"
          />
          <StatCard label="School users" value={counts.schoolUsers} note={inactive(counts.schoolUsersInactive)} href="/console/schools" />
          <StatCard label="Live API keys" value={counts.liveApiKeys} note="Not revoked, not expired" href="/console/api-keys" />
        </div>
      </section>
      <section aria-labelledby="activity">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="activity" className="text-lg font-semibold">
            Recent activity
          </h2>
          <Link href="/console/audit" className={LINK}>
            Full audit log
          </Link>
        </div>
        <ActivityList events={activity.results} schoolNames={names} />
      </section>
      {schools === 0 ? (
        <p className="mt-8 text-sm text-slate-700">
          No schools yet.{" "}
          <Link href="/console/schools" className={LINK}>
            Go to Schools
          </Link>{" "}
          to create the first one.
        </p>
      ) : null}
    </>
  );
}
