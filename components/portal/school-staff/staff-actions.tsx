"use client";
// What may be done to a colleague, the same in the staff list and on their page: Edit (for
// colleagues within the viewer's reach, and themselves), and Deactivate / Reactivate behind a
// confirmation on colleagues only. On their page (`withPassword`) also "Set password", a temporary
// one (your own you change on My account): not in the list, whose row at 1440 px wraps a third
// button onto two lines — and a password is set deliberately, on the page that shows their sessions.
// Someone invited who has not chosen a password yet gets "Resend invitation" and "Withdraw
// invitation" instead of Set password and Deactivate (withdrawing deactivates), for those who may
// add staff. The server actions check it all again.
import { useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeStaffInvitationAction, editStaffAction } from "@/lib/portal/actions/school-staff-actions";
import { InvitationActions, invitationResent } from "@/components/account/invitation-actions";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { EditStaffDialog, staffName, type RoleChoice, type StaffRow } from "@/components/portal/school-staff/staff-form-dialog";
import { StaffPasswordDialog } from "@/components/portal/school-staff/staff-password-dialog";

export interface StaffMember extends StaffRow {
  isSelf: boolean;
  /** Holds nothing the viewer lacks: the viewer may edit them (the server checks again). */
  withinReach: boolean;
}

export function StaffActions({
  member,
  rules,
  roles,
  canChangeRoles,
  canInvite,
  withPassword = false,
}: {
  member: StaffMember;
  rules: InputRules;
  roles: RoleChoice[];
  canChangeRoles: boolean;
  /** May resend or withdraw invitations (users.add). */
  canInvite: boolean;
  /** Offer "Set password" (the staff member's page). */
  withPassword?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [settingPassword, setSettingPassword] = useState(false);
  const [notice, setNotice] = useState<string>();
  const name = staffName(member);
  if (!member.withinReach) return <p className="text-xs text-slate-600 md:whitespace-nowrap md:text-right">Holds permissions you lack</p>;
  const invited = member.status === "invited" && !member.isSelf;
  return (
    <div className="flex flex-col gap-1 md:items-end">
      <RowActions>
        <RowButton name={name} onClick={() => setEditing(true)}>
          Edit
        </RowButton>
        {invited ? (
          canInvite ? (
            <InvitationActions
              name={name}
              change={(change) => changeStaffInvitationAction({ id: member.id, change })}
              onResent={() => setNotice(invitationResent(name))}
            />
          ) : null
        ) : member.isSelf || !withPassword ? null : (
          <RowButton name={name} onClick={() => setSettingPassword(true)}>
            Set password
          </RowButton>
        )}
        {member.isSelf || invited ? null : member.is_active ? (
          <RowConfirm
            name={name}
            label="Deactivate"
            title={`Deactivate ${name}?`}
            description={
              <>
                <strong>{name}</strong> is signed out everywhere at once and can no longer sign in. Nothing is deleted; you can reactivate
                them at any time.
              </>
            }
            confirmLabel="Deactivate"
            action={() => editStaffAction({ id: member.id, is_active: false })}
          />
        ) : (
          <RowConfirm
            name={name}
            label="Reactivate"
            danger={false}
            title={`Reactivate ${name}?`}
            description={
              <>
                <strong>{name}</strong> can sign in again, with the roles they hold.
              </>
            }
            confirmLabel="Reactivate"
            action={() => editStaffAction({ id: member.id, is_active: true })}
          />
        )}
        {editing ? (
          <EditStaffDialog
            member={member}
            rules={rules}
            roles={roles}
            canChangeRoles={canChangeRoles}
            open
            onOpenChange={(open) => {
              if (!open) setEditing(false);
            }}
          />
        ) : null}
        {settingPassword ? (
          <StaffPasswordDialog
            memberId={member.id}
            memberName={name}
            rules={rules}
            open
            onOpenChange={(open) => {
              if (!open) setSettingPassword(false);
            }}
          />
        ) : null}
      </RowActions>
      <p role="status" className="text-xs text-green-800 empty:hidden">
        {notice}
      </p>
    </div>
  );
}
