"use client";
// The roles list: name (and description), what each grants, and how many hold it. Edit and Delete
// appear for users who may change / delete roles, and only on roles within their reach: a role
// holding a permission they lack is beyond it (the server would refuse with 403).
import { createColumnHelper } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import { deleteRoleAction } from "@/lib/portal/actions/role-actions";
import { ACTIONS, RESOURCES } from "@/lib/rbac/catalogue";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { RoleFormDialog, type RoleRow } from "@/components/portal/roles/role-form-dialog";

const column = createColumnHelper<RoleRow>();

/** "students: view, add; classes: view" — the role's permissions, resource by resource. */
function summary(permissions: string[]): string {
  const held = new Set(permissions);
  const parts = RESOURCES.map((r) => {
    const actions = ACTIONS.filter((a) => held.has(`${r}.${a}`));
    return actions.length ? `${r}: ${actions.join(", ")}` : null;
  }).filter(Boolean);
  return parts.length ? parts.join("; ") : "No permissions";
}

function RoleActions({ role, held, canChange, canDelete }: { role: RoleRow; held: string[]; canChange: boolean; canDelete: boolean }) {
  const [editing, setEditing] = useState(false);
  if (!role.permissions.every((p) => held.includes(p))) {
    return <p className="text-xs text-slate-600 md:whitespace-nowrap md:text-right">Holds permissions you lack</p>;
  }
  return (
    <RowActions>
      {canChange ? (
        <RowButton name={role.name} onClick={() => setEditing(true)}>
          Edit
        </RowButton>
      ) : null}
      {canDelete ? (
        <RowConfirm
          name={role.name}
          label="Delete"
          title={`Delete role ${role.name}?`}
          description={
            <>
              The role <strong>{role.name}</strong> is deleted
              {role.user_count ? (
                <>, and its {role.user_count === 1 ? "holder loses" : `${role.user_count} holders lose`} what it granted</>
              ) : null}
              . This cannot be undone.
            </>
          }
          confirmLabel="Delete role"
          action={() => deleteRoleAction({ id: role.id })}
        />
      ) : null}
      {editing ? (
        <RoleFormDialog
          role={role}
          held={held}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(false);
          }}
        />
      ) : null}
    </RowActions>
  );
}

export function RolesTable({
  roles,
  held,
  canChange,
  canDelete,
  empty,
}: {
  roles: RoleRow[];
  held: string[];
  canChange: boolean;
  canDelete: boolean;
  empty: ReactNode;
}) {
  const columns: Columns<RoleRow> = [
    column.accessor("name", {
      header: "Role",
      meta: { card: "title", sortField: "name" },
      cell: ({ row: { original: r } }) => (
        <div className="min-w-0">
          <span className="font-medium">{r.name}</span> {r.is_system ? <Badge>Default</Badge> : null}
          {r.description ? <p className="break-words text-xs text-slate-600">{r.description}</p> : null}
        </div>
      ),
    }),
    column.accessor("permissions", {
      header: "Permissions",
      cell: ({ row: { original: r } }) => <span className="break-words text-xs text-slate-700">{summary(r.permissions)}</span>,
    }),
    column.accessor("user_count", { header: "Staff", meta: { label: "Held by" }, cell: ({ getValue }) => getValue() }),
    ...(canChange || canDelete
      ? [actionsColumn(column, ({ row }) => <RoleActions role={row.original} held={held} canChange={canChange} canDelete={canDelete} />)]
      : []),
  ];
  return <DataTable columns={columns} data={roles} caption="Roles" empty={empty} rowId={(r) => r.id} />;
}
