"use client";
// "Resend invitation" and "Withdraw invitation" for someone invited who has not chosen a password
// yet — in every list of people and on their page, where "Set password" would be for others. Each
// asks first: a resend replaces the link sent before; withdrawing kills the link and deactivates the
// account. `change` is the app's server action (API §8: POST or DELETE …/users/{id}/invitation/).
import type { ActionResult } from "@/lib/http/action-result";
import { RowConfirm } from "@/components/ui/row-actions";

export type InvitationChange = "resend" | "withdraw";

export function InvitationActions({
  name,
  change,
  onResent,
}: {
  name: string;
  change: (change: InvitationChange) => Promise<ActionResult<unknown>>;
  /** Told once a new invitation is on its way (for a notice). */
  onResent?: () => void;
}) {
  return (
    <>
      <RowConfirm
        name={name}
        label="Resend invitation"
        danger={false}
        title={`Resend the invitation to ${name}?`}
        description="They get a new link to choose their password; the link sent before stops working."
        confirmLabel="Resend invitation"
        action={() => change("resend")}
        onSuccess={onResent}
      />
      <RowConfirm
        name={name}
        label="Withdraw invitation"
        title={`Withdraw the invitation to ${name}?`}
        description="Their link stops working and their account is deactivated: they cannot sign in. To invite them again later, reactivate the account and resend the invitation."
        confirmLabel="Withdraw invitation"
        action={() => change("withdraw")}
      />
    </>
  );
}

/** The notice after a resend. */
export const invitationResent = (name: string) => `A new invitation is on its way to ${name}; the earlier link no longer works.`;
