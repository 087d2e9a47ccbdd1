// My account (console): who I am on the platform, and where I'm signed in — with "sign out" per
// session and everywhere else. Under SMS_MFA_REQUIRED_PLATFORM every other page sends a user
// without two-factor here, and the notice says why. The same sessions as GET /api/v1/system/auth/sessions/.
import type { Metadata } from "next";
import { PasswordSection } from "@/components/account/password-section";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { MfaEnrolmentNotice } from "@/components/account/mfa-enrolment-notice";
import { confirmConsoleMfaAction, disableConsoleMfaAction, startConsoleMfaAction } from "@/lib/console/actions/mfa-actions";
import { EditDetailsDialog } from "@/components/account/edit-details-dialog";
import { inputRules } from "@/lib/env";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { AccountSummary } from "@/components/account/account-summary";
import { PageHeader } from "@/components/ui/page-header";
import { listMySessions } from "@/lib/auth/session-list";
import {
  endConsoleSessionAction,
  endOtherConsoleSessionsAction,
  updateMyConsoleDetailsAction,
} from "@/lib/console/actions/account-actions";
import { requireConsoleUser } from "@/lib/console/console-session";
import { sessionRows } from "@/lib/pages/device";
import { roleLabel } from "@/components/console/platform-staff/platform-roles";

export const metadata: Metadata = { title: "My account" };
export const dynamic = "force-dynamic";

export default async function ConsoleAccountPage() {
  const principal = await requireConsoleUser({ beforeMfaEnrolment: true });
  const sessions = await listMySessions({ principal, audience: "system", schoolId: null });
  const { user } = principal;
  return (
    <>
      <PageHeader title="My account" description="Your platform account, and every browser and app signed in to it." />
      <div className="grid gap-6">
        {principal.mfaEnrolmentRequired ? <MfaEnrolmentNotice requiredBy="The platform" /> : null}
        <AccountSummary
          user={user}
          extra={[{ term: "Platform role", value: roleLabel(user.platformRole) }]}
          edit={
            <EditDetailsDialog
              details={{ fullName: user.fullName, email: user.email, phone: user.phone }}
              rules={inputRules()}
              save={updateMyConsoleDetailsAction}
            />
          }
        />
        <PasswordSection href="/console/password" />
        <TwoFactorSection
          enabled={user.mfaEnabled}
          start={startConsoleMfaAction}
          confirm={confirmConsoleMfaAction}
          disable={disableConsoleMfaAction}
        />
        <SessionsPanel sessions={sessionRows(sessions)} endSession={endConsoleSessionAction} endOthers={endOtherConsoleSessionsAction} />
      </div>
    </>
  );
}
