"use client";
// A school's staff on its console page: name, how they sign in, the roles they hold now, status and
// last sign-in, sortable by the columns GET /system/clients/{id}/users/ orders by. Users who may
// write get each row's actions: set a temporary password, deactivate or reactivate — or, for someone
// invited who has not chosen a password yet, resend or withdraw the invitation. The server checks
// again, and refuses what would leave the school without a full admin.
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeSchoolUserInvitationAction, setSchoolUserActiveAction } from "@/lib/console/actions/school-user-actions";
import { Badge, UserStatusBadge } from "@/components/ui/badge";
import { InvitationActions, invitationResent } from "@/components/account/invitation-actions";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { Time } from "@/components/ui/time";
import { SchoolUserPasswordDialog } from "@/components/console/schools/school-user-password-dialog";

export interface SchoolUserRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  is_active: boolean;
  status: "invited" | "active" | "inactive";
  last_login: string | null;
}

const column = createColumnHelper<SchoolUserRow>();

function SchoolUserActions({ schoolId, user, rules }: { schoolId: string; user: SchoolUserRow; rules: InputRules }) {
  const [settingPassword, setSettingPassword] = useState(false);
  const [notice, setNotice] = useState<string>();
  const { name } = user;
  if (user.status === "invited")
    return (
      <div className="flex flex-col gap-1 md:items-end">
        <RowActions>
          <InvitationActions
            name={name}
            change={(change) => changeSchoolUserInvitationAction({ school: schoolId, id: user.id, change })}
            onResent={() => setNotice(invitationResent(name))}
          />
        </RowActions>
        <p role="status" className="text-xs text-green-800 empty:hidden">
          {notice}
        </p>
      </div>
    );
  return (
    <RowActions>
      <RowButton name={name} onClick={() => setSettingPassword(true)}>
        Set a temporary password
      </RowButton>
      {user.is_active ? (
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
          action={() => setSchoolUserActiveAction({ school: schoolId, id: user.id, is_active: false })}
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
          action={() => setSchoolUserActiveAction({ school: schoolId, id: user.id, is_active: true })}
        />
      )}
      {settingPassword ? (
        <SchoolUserPasswordDialog
          schoolId={schoolId}
          user={user}
          rules={rules}
          open
          onOpenChange={(open) => {
            if (!open) setSettingPassword(false);
          }}
        />
      ) : null}
    </RowActions>
  );
}

export function SchoolUsersTable({
  schoolId,
  users,
  canWrite,
  rules,
  empty,
}: {
  schoolId: string;
  users: SchoolUserRow[];
  canWrite: boolean;
  rules: InputRules;
  empty: ReactNode;
}) {
  // Made once per set of inputs (see SchoolsTable): new cell functions would remount the actions.
  const { passwordMinLength, region, rootDomain } = rules;
  const columns = useMemo<Columns<SchoolUserRow>>(() => {
    const rules = { passwordMinLength, region, rootDomain };
    return [
      column.accessor("name", {
        header: "Name",
        meta: { card: "title", sortField: "full_name" },
        cell: ({ getValue }) => <span className="break-words font-medium text-slate-900">{getValue()}</span>,
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
      column.accessor("roles", {
        header: "Roles",
        cell: ({ getValue }) => {
          const roles = getValue();
          if (!roles.length) return <span className="text-slate-600">None</span>;
          return (
            <span className="flex flex-wrap gap-1">
              {roles.map((role: string) => (
                <Badge key={role}>{role}</Badge>
              ))}
            </span>
          );
        },
      }),
      column.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <UserStatusBadge status={getValue()} />,
      }),
      column.accessor("last_login", {
        header: "Last sign-in",
        meta: { sortField: "last_login" },
        cell: ({ getValue }) => (getValue() ? <Time iso={getValue()} /> : <span className="text-slate-600">Never</span>),
      }),
      ...(canWrite
        ? [actionsColumn(column, ({ row }) => <SchoolUserActions schoolId={schoolId} user={row.original} rules={rules} />)]
        : []),
    ];
  }, [schoolId, canWrite, passwordMinLength, region, rootDomain]);
  return <DataTable columns={columns} data={users} caption="Staff" empty={empty} rowId={(u) => u.id} cardsBelow="lg" />;
}
