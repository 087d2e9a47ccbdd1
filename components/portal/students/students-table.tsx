"use client";
// The students list, with Edit and Delete only for users who may change or delete students.
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { deleteStudentAction } from "@/lib/portal/actions/student-actions";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { RowDelete, SMALL_BUTTON } from "@/components/portal/row-delete";
import { StudentFormDialog, type ClassOption, type StudentRow } from "@/components/portal/students/student-form-dialog";

function StudentActions({
  student,
  classes,
  canChange,
  canDelete,
}: {
  student: StudentRow;
  classes: ClassOption[] | null;
  canChange: boolean;
  canDelete: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const name = `${student.first_name} ${student.last_name}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1 whitespace-nowrap">
        {canChange ? (
          <Button variant="secondary" className={SMALL_BUTTON} onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {name}</span>
          </Button>
        ) : null}
        {canDelete ? (
          <RowDelete
            name={name}
            title={`Delete ${name}?`}
            description={
              <>
                The student <strong>{name}</strong> ({student.admission_number}) is removed from the school. This cannot be undone.
              </>
            }
            confirmLabel="Delete student"
            run={() => deleteStudentAction({ id: student.id })}
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
        <StudentFormDialog
          student={student}
          classes={classes}
          open
          onOpenChange={(o) => {
            if (!o) setEditing(false);
          }}
        />
      ) : null}
    </div>
  );
}

export function StudentsTable({
  students,
  classes,
  canChange,
  canDelete,
  searching,
}: {
  students: StudentRow[];
  classes: ClassOption[] | null;
  canChange: boolean;
  canDelete: boolean;
  searching: boolean;
}) {
  const className = new Map((classes ?? []).map((c) => [c.id, c.name]));
  const columns: ColumnDef<StudentRow>[] = [
    {
      header: "Name",
      cell: ({ row }) => (
        <span className="font-medium">
          {row.original.last_name}, {row.original.first_name}
        </span>
      ),
    },
    { header: "Admission no.", cell: ({ row }) => <span className="font-mono text-xs">{row.original.admission_number}</span> },
    ...(classes
      ? [
          {
            header: "Class",
            cell: ({ row }: { row: { original: StudentRow } }) =>
              row.original.class ? (className.get(row.original.class) ?? "—") : <span className="text-slate-500">No class</span>,
          },
        ]
      : []),
    { header: "Date of birth", cell: ({ row }) => row.original.date_of_birth ?? <span className="text-slate-500">—</span> },
    ...(canChange || canDelete
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }: { row: { original: StudentRow } }) => (
              <StudentActions student={row.original} classes={classes} canChange={canChange} canDelete={canDelete} />
            ),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      columns={columns}
      data={students}
      caption="Students"
      empty={searching ? "No student matches your search." : "No students yet."}
    />
  );
}
