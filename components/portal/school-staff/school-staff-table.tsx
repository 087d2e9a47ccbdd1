"use client";
// The staff list, with Deactivate / Reactivate (behind a confirmation) for users who may change
// staff, on colleagues within their reach — never on themselves.
import type { ColumnDef } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setStaffStatusAction } from "@/lib/portal/actions/school-staff-actions";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Badge } from "@/components/ui/badge";
import { SMALL_BUTTON } from "@/components/portal/row-delete";

export interface StaffRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  is_active: boolean;
  teacher: string | null;
  /** The viewer may act on them: not themselves, and holding nothing the viewer lacks. */
  manageable: boolean;
  isSelf: boolean;
}

function StatusAction({ member }: { member: StaffRow }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const setActive = (is_active: boolean) => {
    setError(undefined);
    startTransition(async () => {
      const result = await setStaffStatusAction({ id: member.id, is_active });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  };
  const who = <span className="sr-only"> {member.name}</span>;
  return (
    <div className="flex flex-col items-end gap-1">
      {member.is_active ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" className={SMALL_BUTTON} pending={pending}>
              Deactivate{who}
            </Button>
          }
          title={`Deactivate ${member.name}?`}
          description={
            <>
              <strong>{member.name}</strong> is signed out everywhere at once and can no longer sign in. Nothing is deleted; you can
              reactivate them at any time.
            </>
          }
          confirmLabel="Deactivate"
          onConfirm={() => setActive(false)}
        />
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" className={SMALL_BUTTON} pending={pending}>
              Reactivate{who}
            </Button>
          }
          title={`Reactivate ${member.name}?`}
          description={
            <>
              <strong>{member.name}</strong> can sign in again, with the roles they hold.
            </>
          }
          confirmLabel="Reactivate"
          danger={false}
          onConfirm={() => setActive(true)}
        />
      )}
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SchoolStaffTable({ staff, canChange, searching }: { staff: StaffRow[]; canChange: boolean; searching: boolean }) {
  const columns: ColumnDef<StaffRow>[] = [
    {
      header: "Name",
      cell: ({ row }) => (
        <div>
          <span className="font-medium">{row.original.name}</span> {row.original.isSelf ? <Badge>You</Badge> : null}
          {row.original.teacher ? <p className="text-xs text-slate-500">Teacher · {row.original.teacher}</p> : null}
        </div>
      ),
    },
    {
      header: "Contact",
      cell: ({ row }) => (
        <div className="text-xs">
          {row.original.email ? <p>{row.original.email}</p> : null}
          {row.original.phone ? <p className="text-slate-600">{row.original.phone}</p> : null}
        </div>
      ),
    },
    {
      header: "Roles",
      cell: ({ row }) =>
        row.original.roles.length ? (
          <div className="flex flex-wrap gap-1">
            {row.original.roles.map((r) => (
              <Badge key={r}>{r}</Badge>
            ))}
          </div>
        ) : (
          <span className="text-slate-500">None</span>
        ),
    },
    {
      header: "Status",
      cell: ({ row }) => (row.original.is_active ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Deactivated</Badge>),
    },
    ...(canChange
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }: { row: { original: StaffRow } }) => (row.original.manageable ? <StatusAction member={row.original} /> : null),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      columns={columns}
      data={staff}
      caption="Staff"
      empty={searching ? "No staff member matches your search." : "No staff yet."}
    />
  );
}
