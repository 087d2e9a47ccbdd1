"use client";
// The roles list. Edit and Delete appear for users who may change / delete roles, and only on
// roles within their reach: a role holding a permission they lack is beyond it (the server
// would refuse with 403).
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { deleteRoleAction } from "@/lib/portal/actions/role-actions";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { RowDelete, SMALL_BUTTON } from "@/components/portal/row-delete";
import { RoleFormDialog, type RoleRow } from "@/components/portal/roles/role-form-dialog";
import { ACTIONS, RESOURCES } from "@/lib/rbac/catalogue";

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
  const [error, setError] = useState<string>();
  const withinReach = role.permissions.every((p) => held.includes(p));
  if (!withinReach) return <p className="text-right text-xs text-slate-500">Holds permissions you lack</p>;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1 whitespace-nowrap">
        {canChange ? (
          <Button variant="secondary" className={SMALL_BUTTON} onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {role.name}</span>
          </Button>
        ) : null}
        {canDelete ? (
          <RowDelete
            name={role.name}
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
            run={() => deleteRoleAction({ id: role.id })}
            onError={setError}
          />
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {editing ? (
        <RoleFormDialog
          role={role}
          held={held}
          open
          onOpenChange={(o) => {
            if (!o) setEditing(false);
          }}
        />
      ) : null}
    </div>
  );
}

export function RolesTable({
  roles,
  held,
  canChange,
  canDelete,
  searching,
}: {
  roles: RoleRow[];
  held: string[];
  canChange: boolean;
  canDelete: boolean;
  searching: boolean;
}) {
  const columns: ColumnDef<RoleRow>[] = [
    {
      header: "Role",
      cell: ({ row }) => (
        <div>
          <span className="font-medium">{row.original.name}</span> {row.original.is_system ? <Badge>Default</Badge> : null}
          {row.original.description ? <p className="text-xs text-slate-500">{row.original.description}</p> : null}
        </div>
      ),
    },
    { header: "Permissions", cell: ({ row }) => <span className="text-xs text-slate-700">{summary(row.original.permissions)}</span> },
    { header: "Staff", cell: ({ row }) => row.original.user_count },
    ...(canChange || canDelete
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }: { row: { original: RoleRow } }) => (
              <RoleActions role={row.original} held={held} canChange={canChange} canDelete={canDelete} />
            ),
          },
        ]
      : []),
  ];
  return <DataTable columns={columns} data={roles} caption="Roles" empty={searching ? "No role matches your search." : "No roles yet."} />;
}
