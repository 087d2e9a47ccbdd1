"use client";
// The students list: name, admission number, class and date of birth, sortable by the columns the
// API orders by; Edit and Delete only for users who may change or delete students.
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { deleteStudentAction } from "@/lib/portal/actions/student-actions";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import type { PickerOption } from "@/components/ui/combobox";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { CalendarDate } from "@/components/ui/time";
import { StudentFormDialog, type StudentRow } from "@/components/portal/students/student-form-dialog";

const column = createColumnHelper<StudentRow>();

function StudentActions({
  student,
  classOption,
  canPickClass,
  canChange,
  canDelete,
}: {
  student: StudentRow;
  classOption: PickerOption | null;
  canPickClass: boolean;
  canChange: boolean;
  canDelete: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const name = `${student.first_name} ${student.last_name}`;
  return (
    <RowActions>
      {canChange ? (
        <RowButton name={name} onClick={() => setEditing(true)}>
          Edit
        </RowButton>
      ) : null}
      {canDelete ? (
        <RowConfirm
          name={name}
          label="Delete"
          title={`Delete ${name}?`}
          description={
            <>
              The student <strong>{name}</strong> ({student.admission_number}) is removed from the school. This cannot be undone.
            </>
          }
          confirmLabel="Delete student"
          action={() => deleteStudentAction({ id: student.id })}
        />
      ) : null}
      {editing ? (
        <StudentFormDialog
          student={student}
          classOption={classOption}
          canPickClass={canPickClass}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(false);
          }}
        />
      ) : null}
    </RowActions>
  );
}

export function StudentsTable({
  students,
  classNames,
  canChange,
  canDelete,
  empty,
}: {
  students: StudentRow[];
  /** The names of the classes on this page; null when the user may not view classes. */
  classNames: Record<string, { name: string; grade: number }> | null;
  canChange: boolean;
  canDelete: boolean;
  empty: React.ReactNode;
}) {
  const classOption = (id: string | null): PickerOption | null => {
    const c = id ? classNames?.[id] : undefined;
    return id && c ? { id, label: c.name, detail: `Grade ${c.grade}` } : null;
  };
  const columns: Columns<StudentRow> = [
    column.accessor("last_name", {
      header: "Name",
      meta: { card: "title", sortField: "last_name" },
      cell: ({ row }) => (
        <span className="font-medium">
          {row.original.last_name}, {row.original.first_name}
        </span>
      ),
    }),
    column.accessor("admission_number", {
      header: "Admission no.",
      meta: { sortField: "admission_number" },
      cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
    }),
    ...(classNames
      ? [
          column.accessor("class", {
            header: "Class",
            cell: ({ getValue }) => {
              const id = getValue();
              if (!id) return <span className="text-slate-600">No class</span>;
              return classNames[id]?.name ?? <span className="text-slate-600">Unknown class</span>;
            },
          }),
        ]
      : []),
    column.accessor("date_of_birth", {
      header: "Date of birth",
      meta: { sortField: "date_of_birth" },
      cell: ({ getValue }) => {
        const value = getValue();
        return value ? <CalendarDate value={value} /> : <span className="text-slate-600">Not given</span>;
      },
    }),
    ...(canChange || canDelete
      ? [
          actionsColumn(column, ({ row }) => (
            <StudentActions
              student={row.original}
              classOption={classOption(row.original.class)}
              canPickClass={classNames !== null}
              canChange={canChange}
              canDelete={canDelete}
            />
          )),
        ]
      : []),
  ];
  return <DataTable columns={columns} data={students} caption="Students" empty={empty} rowId={(s) => s.id} />;
}
