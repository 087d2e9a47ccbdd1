// My account (portal): who I am in this school, and where I'm signed in here — with "sign out" per
// session and everywhere else. The same sessions as GET /api/v1/school/auth/sessions/. When the
// school requires two-factor sign-in, every other page sends staff without it here, and the notice says why.
import type { Metadata } from "next";
import { AccountSummary } from "@/components/account/account-summary";
import { PasswordSection } from "@/components/account/password-section";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { MfaEnrolmentNotice } from "@/components/account/mfa-enrolment-notice";
import { confirmPortalMfaAction, disablePortalMfaAction, startPortalMfaAction } from "@/lib/portal/actions/mfa-actions";
import { EditDetailsDialog } from "@/components/account/edit-details-dialog";
import { inputRules } from "@/lib/env";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listMySessions } from "@/lib/auth/session-list";
import { sessionRows } from "@/lib/pages/device";
import { endOtherPortalSessionsAction, endPortalSessionAction, updateMyPortalDetailsAction } from "@/lib/portal/actions/account-actions";
import { portalContext } from "@/lib/portal/portal-context";

export const metadata: Metadata = { title: "My account" };
export const dynamic = "force-dynamic";

export default async function PortalAccountPage() {
  const { school, principal } = await portalContext({ beforeMfaEnrolment: true });
  const sessions = await listMySessions({ principal, audience: "school", schoolId: school.id });
  return (
    <>
      <PageHeader title="My account" description={`Your account at ${school.name}, and every browser and app signed in to it.`} />
      <div className="grid gap-6">
        {principal.mfaEnrolmentRequired ? <MfaEnrolmentNotice requiredBy={school.name} /> : null}
        <AccountSummary
          user={principal.user}
          extra={[{ term: "School", value: school.name }]}
          edit={
            <EditDetailsDialog
              details={{ fullName: principal.user.fullName, email: principal.user.email, phone: principal.user.phone }}
              rules={inputRules()}
              save={updateMyPortalDetailsAction}
            />
          }
        />
        <PasswordSection href="/password" />
        <TwoFactorSection
          enabled={principal.user.mfaEnabled}
          start={startPortalMfaAction}
          confirm={confirmPortalMfaAction}
          disable={disablePortalMfaAction}
        />
        <SessionsPanel sessions={sessionRows(sessions)} endSession={endPortalSessionAction} endOthers={endOtherPortalSessionsAction} />
      </div>
    </>
  );
}
