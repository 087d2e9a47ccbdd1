"use client";
// The classes list, with Edit and Delete only for users who may change or delete classes.
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { deleteClassAction } from "@/lib/portal/actions/class-actions";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { RowDelete, SMALL_BUTTON } from "@/components/portal/row-delete";
import { ClassFormDialog, type ClassRow, type StaffOption } from "@/components/portal/classes/class-form-dialog";

function ClassActions({
  klass,
  staff,
  canChange,
  canDelete,
}: {
  klass: ClassRow;
  staff: StaffOption[] | null;
  canChange: boolean;
  canDelete: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1 whitespace-nowrap">
        {canChange ? (
          <Button variant="secondary" className={SMALL_BUTTON} onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {klass.name}</span>
          </Button>
        ) : null}
        {canDelete ? (
          <RowDelete
            name={klass.name}
            title={`Delete class ${klass.name}?`}
            description={
              <>
                The class <strong>{klass.name}</strong> is deleted. Its students stay in the school, without a class.
              </>
            }
            confirmLabel="Delete class"
            run={() => deleteClassAction({ id: klass.id })}
            onError={setError}
          />
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {editing ? (
        <ClassFormDialog
          klass={klass}
          staff={staff}
          open
          onOpenChange={(o) => {
            if (!o) setEditing(false);
          }}
        />
      ) : null}
    </div>
  );
}

export function ClassesTable({
  classes,
  staff,
  canChange,
  canDelete,
  searching,
}: {
  classes: ClassRow[];
  staff: StaffOption[] | null;
  canChange: boolean;
  canDelete: boolean;
  searching: boolean;
}) {
  const staffName = new Map((staff ?? []).map((s) => [s.id, s.name]));
  const columns: ColumnDef<ClassRow>[] = [
    { header: "Name", cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
    { header: "Grade", cell: ({ row }) => row.original.grade },
    ...(staff
      ? [
          {
            header: "Teacher",
            cell: ({ row }: { row: { original: ClassRow } }) =>
              row.original.teacher ? (staffName.get(row.original.teacher) ?? "—") : <span className="text-slate-500">No teacher</span>,
          },
        ]
      : []),
    ...(canChange || canDelete
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }: { row: { original: ClassRow } }) => (
              <ClassActions klass={row.original} staff={staff} canChange={canChange} canDelete={canDelete} />
            ),
          },
        ]
      : []),
  ];
  return (
    <DataTable columns={columns} data={classes} caption="Classes" empty={searching ? "No class matches your search." : "No classes yet."} />
  );
}
