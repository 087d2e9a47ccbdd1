// Profile: who I am in this school — my account, my roles, what they let me do, my teacher
// profile. The same data as GET /api/v1/school/auth/me/ (schoolProfile).
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { PermissionTable } from "@/components/portal/permission-matrix";
import { portalContext } from "@/lib/portal/portal-context";
import { schoolProfile } from "@/lib/school/profile";

export const metadata: Metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function ProfilePage() {
  const { school, principal } = await portalContext();
  const profile = await schoolProfile(principal.user, school);
  const held = new Set(profile.permissions);
  const { user } = profile;
  return (
    <>
      <PageHeader title={user.full_name || user.email || user.phone || "My profile"} description={`Your account at ${school.name}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="account-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="account-heading" className="text-base font-semibold">
            Account
          </h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <Item term="Full name">{user.full_name || "—"}</Item>
            <Item term="Email">{user.email ?? "—"}</Item>
            <Item term="Phone">{user.phone ?? "—"}</Item>
            <Item term="School">
              {profile.tenant.name} <span className="text-slate-600">({profile.tenant.slug})</span>
            </Item>
            <Item term="Last sign-in">{user.last_login ? <Time iso={user.last_login} /> : "Never"}</Item>
            <Item term="Member since">
              <Time iso={user.date_joined} display="absolute" />
            </Item>
          </dl>
        </section>

        <section aria-labelledby="roles-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="roles-heading" className="text-base font-semibold">
            My roles
          </h2>
          {profile.roles.length ? (
            <ul className="mt-3 flex flex-wrap gap-2" aria-label="My roles">
              {profile.roles.map((r) => (
                <li key={r.id}>
                  <Badge>{r.name}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-600">You hold no role in this school yet, so you can only see this page.</p>
          )}

          <h2 id="teacher-heading" className="mt-6 text-base font-semibold">
            Teacher profile
          </h2>
          {profile.teacher ? (
            <dl className="mt-2 divide-y divide-slate-100">
              <Item term="Employee number">{profile.teacher.employee_number}</Item>
              <Item term="Subjects">{profile.teacher.subjects.length ? profile.teacher.subjects.join(", ") : "—"}</Item>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-600">You have no teacher profile.</p>
          )}
        </section>

        <section aria-labelledby="permissions-heading" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
          <h2 id="permissions-heading" className="text-base font-semibold">
            My permissions
          </h2>
          <p className="mt-1 text-sm text-slate-600">What your roles together let you do here.</p>
          <div className="mt-3">
            <PermissionTable
              caption="My permissions"
              cell={(codename, resource, action) =>
                held.has(codename) ? (
                  <span role="img" className="text-green-700" aria-label={`${resource}: ${action} — yes`}>
                    ✓
                  </span>
                ) : (
                  <span role="img" className="text-slate-600" aria-label={`${resource}: ${action} — no`}>
                    —
                  </span>
                )
              }
            />
          </div>
        </section>
      </div>
    </>
  );
}
