"use client";
// What a superadmin may do to a platform user, the same in the staff list and on their page: Edit,
// Change role, Set password (not on their own account: that is "Change your password"), Deactivate
// / Reactivate and Delete — the last two behind a confirmation. The server actions check it all
// again; what they refuse (the platform's last active superadmin) shows in the dialog that asked.
// Someone invited who has not chosen a password yet gets "Resend invitation" and "Withdraw
// invitation" instead of Set password and Deactivate (withdrawing deactivates).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeStaffMember, changeStaffMemberInvitation, deleteStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { InvitationActions, invitationResent } from "@/components/account/invitation-actions";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { ChangeRoleDialog } from "@/components/console/platform-staff/change-role-dialog";
import { EditPlatformStaffDialog } from "@/components/console/platform-staff/edit-platform-staff-dialog";
import { displayName, type StaffRow } from "@/components/console/platform-staff/platform-roles";
import { SetPasswordDialog } from "@/components/console/platform-staff/set-password-dialog";

type Open = "edit" | "role" | "password" | null;

// Five controls share a table cell: each stays on one line, the other columns give way.
const ONE_LINE = "md:whitespace-nowrap";

export function PlatformStaffActions({
  user,
  isSelf,
  rules,
  afterDelete,
}: {
  user: StaffRow;
  isSelf: boolean;
  rules: InputRules;
  /** Where to go once the account is deleted (their own page is gone with it); the list stays put. */
  afterDelete?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string>();
  const name = displayName(user);
  const yours = isSelf ? " This is your own account: you will be signed out." : "";
  const invited = user.status === "invited" && !isSelf;
  const close = (isOpen: boolean) => {
    if (!isOpen) setOpen(null);
  };
  return (
    <div className="flex flex-col gap-1 md:items-end">
      <RowActions>
        <RowButton name={name} className={ONE_LINE} onClick={() => setOpen("edit")}>
          Edit
        </RowButton>
        <RowButton name={name} className={ONE_LINE} onClick={() => setOpen("role")}>
          Change role
        </RowButton>
        {invited ? (
          <InvitationActions
            name={name}
            change={(change) => changeStaffMemberInvitation({ id: user.id, change })}
            onResent={() => setNotice(invitationResent(name))}
          />
        ) : isSelf ? null : (
          <RowButton
            name={name}
            className={ONE_LINE}
            onClick={() => {
              setNotice(undefined);
              setOpen("password");
            }}
          >
            Set password
          </RowButton>
        )}
        {invited ? null : user.is_active ? (
          <RowConfirm
            name={name}
            label="Deactivate"
            title={`Deactivate ${name}?`}
            description={`They can no longer sign in, and their sessions end at once — in this console and on the API.${yours} You can reactivate the account later.`}
            confirmLabel="Deactivate"
            action={() => changeStaffMember({ id: user.id, is_active: false })}
          />
        ) : (
          <RowConfirm
            name={name}
            label="Reactivate"
            danger={false}
            title={`Reactivate ${name}?`}
            description="They can sign in again with their current password, with the role shown here."
            confirmLabel="Reactivate"
            action={() => changeStaffMember({ id: user.id, is_active: true })}
          />
        )}
        <RowConfirm
          name={name}
          label="Delete"
          title={`Delete ${name}?`}
          description={`The account is removed for good and their sessions end at once.${yours} The audit log keeps the record of what they did.`}
          confirmLabel="Delete account"
          action={() => deleteStaffMember({ id: user.id })}
          onSuccess={afterDelete ? () => router.replace(afterDelete) : undefined}
        />
      </RowActions>
      <p role="status" className="text-xs text-green-800 empty:hidden">
        {notice}
      </p>
      {open === "edit" ? <EditPlatformStaffDialog user={user} rules={rules} open onOpenChange={close} /> : null}
      {open === "role" ? <ChangeRoleDialog user={user} isSelf={isSelf} rules={rules} open onOpenChange={close} /> : null}
      {open === "password" ? (
        <SetPasswordDialog
          user={user}
          rules={rules}
          open
          onOpenChange={close}
          onDone={() => setNotice(`Temporary password set: ${name} must choose a new one at their next sign-in.`)}
        />
      ) : null}
    </div>
  );
}
