"use client";
// The staff list: name (and teacher profile), contact, roles, status and last sign-in, sortable by
// the columns the API orders by. Users who may change staff get Edit on colleagues within their
// reach (and on themselves), and Deactivate / Reactivate — behind a confirmation — on colleagues only.
import { createColumnHelper } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { editStaffAction } from "@/lib/portal/actions/school-staff-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { Time } from "@/components/ui/time";
import { EditStaffDialog, staffName, type RoleChoice, type StaffRow } from "@/components/portal/school-staff/staff-form-dialog";

export interface StaffListRow extends StaffRow {
  isSelf: boolean;
  /** Holds nothing the viewer lacks: the viewer may edit them (the server checks again). */
  withinReach: boolean;
}

const column = createColumnHelper<StaffListRow>();

function StaffActions({
  member,
  rules,
  roles,
  canChangeRoles,
}: {
  member: StaffListRow;
  rules: InputRules;
  roles: RoleChoice[];
  canChangeRoles: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const name = staffName(member);
  if (!member.withinReach) return <p className="text-xs text-slate-600 md:whitespace-nowrap md:text-right">Holds permissions you lack</p>;
  return (
    <RowActions>
      <RowButton name={name} onClick={() => setEditing(true)}>
        Edit
      </RowButton>
      {member.isSelf ? null : member.is_active ? (
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
    </RowActions>
  );
}

export function SchoolStaffTable({
  staff,
  rules,
  roles,
  canChange,
  canChangeRoles,
  empty,
}: {
  staff: StaffListRow[];
  rules: InputRules;
  /** The school's roles as the edit form offers them. */
  roles: RoleChoice[];
  canChange: boolean;
  canChangeRoles: boolean;
  empty: ReactNode;
}) {
  const columns: Columns<StaffListRow> = [
    column.accessor("full_name", {
      header: "Name",
      meta: { card: "title", sortField: "full_name" },
      cell: ({ row: { original: s } }) => (
        <div className="min-w-0">
          <span className="font-medium">{staffName(s)}</span> {s.isSelf ? <Badge>You</Badge> : null}
          {s.teacher ? (
            <p className="break-words text-xs text-slate-600">Teacher · {[s.teacher.employee_number, ...s.teacher.subjects].join(" · ")}</p>
          ) : null}
        </div>
      ),
    }),
    column.accessor("email", {
      header: "Contact",
      meta: { sortField: "email" },
      cell: ({ row: { original: s } }) => (
        <div className="min-w-0 break-words">
          {s.email ? (
            <p>
              {/* A narrow card wraps an address after its @, not inside a word. */}
              {s.email.slice(0, s.email.lastIndexOf("@") + 1)}
              <wbr />
              {s.email.slice(s.email.lastIndexOf("@") + 1)}
            </p>
          ) : null}
          {s.phone ? <p className="text-slate-700">{s.phone}</p> : null}
        </div>
      ),
    }),
    column.accessor("roles", {
      header: "Roles",
      cell: ({ row: { original: s } }) => {
        const roles = s.roles;
        return roles.length ? (
          <ul className="flex flex-wrap gap-1" aria-label="Roles">
            {roles.map((r) => (
              <li key={r}>
                <Badge>{r}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">None</span>
        );
      },
    }),
    column.accessor("is_active", {
      header: "Status",
      cell: ({ getValue }) => (getValue() ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Deactivated</Badge>),
    }),
    column.accessor("last_login", {
      header: "Last sign-in",
      meta: { sortField: "last_login" },
      cell: ({ getValue }) => {
        const iso = getValue();
        return iso ? <Time iso={iso} /> : <span className="text-slate-600">Never</span>;
      },
    }),
    column.accessor("date_joined", {
      header: "Joined",
      meta: { sortField: "date_joined" },
      cell: ({ getValue }) => <Time iso={getValue()} />,
    }),
    ...(canChange
      ? [
          actionsColumn(column, ({ row }) => (
            <StaffActions member={row.original} rules={rules} roles={roles} canChangeRoles={canChangeRoles} />
          )),
        ]
      : []),
  ];
  return <DataTable columns={columns} data={staff} caption="Staff" empty={empty} rowId={(s) => s.id} />;
}
