"use client";
// The platform staff list, sortable by the columns GET /system/users/ orders by. Superadmins get
// each row's controls: change role, deactivate or reactivate, delete. The server refuses what would
// leave no active superadmin; the refusal shows in the dialog that asked for it.
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeStaffMember, deleteStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { Time } from "@/components/ui/time";
import { ChangeRoleDialog } from "@/components/console/platform-staff/change-role-dialog";
import { displayName, roleLabel, type StaffRow } from "@/components/console/platform-staff/platform-roles";

const ROLE_TONES = { superadmin: "amber", platform_admin: "green", support: "slate" } as const;
const column = createColumnHelper<StaffRow>();

function StaffActions({ user, isSelf, rules }: { user: StaffRow; isSelf: boolean; rules: InputRules }) {
  const [changingRole, setChangingRole] = useState(false);
  const name = displayName(user);
  const yours = isSelf ? " This is your own account: you will be signed out." : "";
  return (
    <RowActions>
      <RowButton name={name} onClick={() => setChangingRole(true)}>
        Change role
      </RowButton>
      {user.is_active ? (
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
      />
      {changingRole ? (
        <ChangeRoleDialog
          user={user}
          isSelf={isSelf}
          rules={rules}
          open
          onOpenChange={(open) => {
            if (!open) setChangingRole(false);
          }}
        />
      ) : null}
    </RowActions>
  );
}

export function PlatformStaffTable({
  rows,
  canManage,
  currentUserId,
  rules,
  empty,
}: {
  rows: StaffRow[];
  /** Whether the viewer may change platform staff (a superadmin). */
  canManage: boolean;
  currentUserId: string;
  rules: InputRules;
  empty: ReactNode;
}) {
  // Made once per set of inputs, not per render: TanStack renders a cell function as a component, so
  // a new one would remount every row's actions on each refresh (and lose the focus on their buttons).
  const { passwordMinLength, region, rootDomain } = rules;
  const columns = useMemo<Columns<StaffRow>>(() => {
    const rules = { passwordMinLength, region, rootDomain };
    return [
      column.accessor("full_name", {
        header: "Name",
        meta: { card: "title", sortField: "full_name" },
        cell: ({ row: { original: u } }) => (
          <span className="font-medium">
            {displayName(u)} {u.id === currentUserId ? <Badge>You</Badge> : null}
          </span>
        ),
      }),
      column.accessor("email", {
        header: "Email and phone",
        meta: { sortField: "email" },
        cell: ({ row: { original: u } }) => (
          <div className="break-words">
            {u.email ? <div>{u.email}</div> : null}
            {u.phone ? <div className={u.email ? "text-slate-600" : ""}>{u.phone}</div> : null}
          </div>
        ),
      }),
      column.accessor("platform_role", {
        header: "Role",
        cell: ({ row: { original: u } }) => (
          <Badge tone={u.platform_role ? ROLE_TONES[u.platform_role] : "slate"}>{roleLabel(u.platform_role)}</Badge>
        ),
      }),
      column.accessor("is_active", {
        header: "Status",
        cell: ({ row: { original: u } }) => (u.is_active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Inactive</Badge>),
      }),
      column.accessor("last_login", {
        header: "Last sign-in",
        meta: { sortField: "last_login" },
        cell: ({ row: { original: u } }) => (u.last_login ? <Time iso={u.last_login} /> : <span className="text-slate-600">Never</span>),
      }),
      column.accessor("date_joined", {
        header: "Joined",
        meta: { sortField: "date_joined" },
        cell: ({ row: { original: u } }) => <Time iso={u.date_joined} />,
      }),
      ...(canManage
        ? [actionsColumn(column, ({ row: { original: u } }) => <StaffActions user={u} isSelf={u.id === currentUserId} rules={rules} />)]
        : []),
    ];
  }, [canManage, currentUserId, passwordMinLength, region, rootDomain]);
  return <DataTable columns={columns} data={rows} caption="Platform staff" empty={empty} rowId={(u) => u.id} />;
}
