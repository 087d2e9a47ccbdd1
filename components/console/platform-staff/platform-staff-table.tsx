"use client";
// The platform staff list. Superadmins get each row's controls: change role, deactivate or
// reactivate, delete. The server refuses what would leave no active superadmin; that refusal
// shows next to the controls that caused it.
import type { ColumnDef } from "@tanstack/react-table";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { UtcTime } from "@/components/console/utc-time";
import { actionMessage, fieldError, nonFieldMessage } from "@/components/console/action-error";
import { ROLE_HINT, ROLE_OPTIONS, displayName, roleLabel, type StaffRow } from "@/components/console/platform-staff/platform-roles";
import { changeStaffMember, deleteStaffMember } from "@/lib/console/actions/platform-staff-actions";
import type { ActionResult } from "@/lib/console/console-action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

const ROLE_TONES = { superadmin: "amber", platform_admin: "green", support: "slate" } as const;

function ChangeRoleDialog({ user, isSelf }: { user: StaffRow; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState(user.platform_role ?? "support");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const name = displayName(user);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    setFailure(null);
    if (next) setRole(user.platform_role ?? "support");
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await changeStaffMember({ id: user.id, platform_role: role });
      if (result.ok) setOpen(false);
      else setFailure(result);
    });
  };

  return (
    <>
      <Button variant="secondary" onClick={() => onOpenChange(true)}>
        Change role<span className="sr-only"> of {name}</span>
      </Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={`Change the role of ${name}`}
        description={
          isSelf ? "This is your own account: a lower role takes effect on your next page." : "The new role applies to their next request."
        }
      >
        <form onSubmit={save} noValidate className="space-y-4">
          <FormError
            message={failure ? (nonFieldMessage(failure) ?? (fieldError(failure, "platform_role") ? undefined : failure.error)) : undefined}
          />
          <SelectField
            label="Platform role"
            hint={ROLE_HINT}
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            error={fieldError(failure, "platform_role")}
          >
            {ROLE_OPTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </SelectField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending} disabled={role === user.platform_role}>
              Save role
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function RowActions({ user, isSelf }: { user: StaffRow; isSelf: boolean }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const name = displayName(user);
  const yours = isSelf ? " This is your own account: you will be signed out." : "";

  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (!result.ok) setError(actionMessage(result));
    });

  return (
    // `relative`: keeps the sr-only text inside the table's scroll box on narrow screens.
    <div className="relative space-y-2">
      <div className="flex flex-wrap gap-2">
        <ChangeRoleDialog user={user} isSelf={isSelf} />
        {user.is_active ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" pending={pending}>
                Deactivate<span className="sr-only"> {name}</span>
              </Button>
            }
            title={`Deactivate ${name}?`}
            description={`They can no longer sign in, and their sessions end at once — in this console and on the API.${yours} You can reactivate the account later.`}
            confirmLabel="Deactivate"
            onConfirm={() => run(() => changeStaffMember({ id: user.id, is_active: false }))}
          />
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" pending={pending}>
                Reactivate<span className="sr-only"> {name}</span>
              </Button>
            }
            title={`Reactivate ${name}?`}
            description="They can sign in again with their current password, with the role shown here."
            confirmLabel="Reactivate"
            danger={false}
            onConfirm={() => run(() => changeStaffMember({ id: user.id, is_active: true }))}
          />
        )}
        <ConfirmDialog
          trigger={
            <Button variant="danger" pending={pending}>
              Delete<span className="sr-only"> {name}</span>
            </Button>
          }
          title={`Delete ${name}?`}
          description={`The account is removed for good and their sessions end at once.${yours} The audit log keeps the record of what they did.`}
          confirmLabel="Delete account"
          onConfirm={() => run(() => deleteStaffMember({ id: user.id }))}
        />
      </div>
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PlatformStaffTable({
  rows,
  canManage,
  currentUserId,
  filtered,
}: {
  rows: StaffRow[];
  canManage: boolean;
  currentUserId: string;
  filtered: boolean;
}) {
  const columns: ColumnDef<StaffRow, unknown>[] = [
    {
      id: "name",
      header: "Name",
      cell: ({ row: { original: u } }) => (
        <div className="min-w-40">
          <div className="font-medium">
            {displayName(u)} {u.id === currentUserId ? <Badge>You</Badge> : null}
          </div>
          {u.email && u.full_name ? <div className="text-slate-600">{u.email}</div> : null}
          {u.phone && (u.full_name || u.email) ? <div className="text-slate-600">{u.phone}</div> : null}
        </div>
      ),
    },
    {
      id: "role",
      header: "Role",
      cell: ({ row: { original: u } }) => (
        <Badge tone={u.platform_role ? ROLE_TONES[u.platform_role] : "slate"}>{roleLabel(u.platform_role)}</Badge>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: u } }) => (u.is_active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Inactive</Badge>),
    },
    {
      id: "last_login",
      header: "Last sign-in",
      cell: ({ row: { original: u } }) => (u.last_login ? <UtcTime iso={u.last_login} /> : <span className="text-slate-500">Never</span>),
    },
    { id: "joined", header: "Joined", cell: ({ row: { original: u } }) => <UtcTime iso={u.date_joined} /> },
  ];
  if (canManage) {
    columns.push({
      id: "actions",
      header: "Actions",
      cell: ({ row: { original: u } }) => <RowActions user={u} isSelf={u.id === currentUserId} />,
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Platform staff"
      empty={filtered ? "No staff member matches these filters." : "No platform staff yet."}
    />
  );
}
