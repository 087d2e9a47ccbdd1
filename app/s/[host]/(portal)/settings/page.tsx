// School settings: the school's two-factor policy for its staff (GET, PATCH /api/v1/school/settings/).
// Every member of staff may see it; only a full admin (every permission) may change it, and the
// server action checks again.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { MfaPolicyForm } from "@/components/school-settings/mfa-policy-form";
import { portalContext } from "@/lib/portal/portal-context";
import { updateSchoolSettingsAction } from "@/lib/portal/actions/settings-actions";
import { schoolSettings } from "@/lib/school/settings";

export const metadata: Metadata = { title: "School settings" };
export const dynamic = "force-dynamic";

export default async function SchoolSettingsPage() {
  const { school, fullAdmin } = await portalContext();
  const settings = await schoolSettings(school.id);
  return (
    <>
      <PageHeader
        title="School settings"
        description={
          fullAdmin ? `Rules for everyone at ${school.name}.` : `Rules for everyone at ${school.name}. Only a full admin may change them.`
        }
      />
      <section aria-labelledby="sign-in-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sign-in-heading" className="text-base font-semibold">
          Sign-in
        </h2>
        {fullAdmin ? (
          <div className="mt-3">
            <MfaPolicyForm required={settings.mfa_required} save={updateSchoolSettingsAction} staffOf={school.name} />
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-700">
            {settings.mfa_required
              ? "Staff must turn on two-factor sign-in before anything else."
              : "Two-factor sign-in is up to each member of staff."}
          </p>
        )}
      </section>
    </>
  );
}
