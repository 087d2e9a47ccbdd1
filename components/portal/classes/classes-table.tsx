"use client";
// The classes list: name, grade and teacher, sortable by the columns the API orders by; Edit and
// Delete only for users who may change or delete classes.
import { createColumnHelper } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import { deleteClassAction } from "@/lib/portal/actions/class-actions";
import type { PickerOption } from "@/components/ui/combobox";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { ClassFormDialog, type ClassRow } from "@/components/portal/classes/class-form-dialog";

const column = createColumnHelper<ClassRow>();

export type TeacherNames = Record<string, { name: string; isActive: boolean }>;

function ClassActions({
  klass,
  teacherOption,
  canPickTeacher,
  canChange,
  canDelete,
}: {
  klass: ClassRow;
  teacherOption: PickerOption | null;
  canPickTeacher: boolean;
  canChange: boolean;
  canDelete: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <RowActions>
      {canChange ? (
        <RowButton name={klass.name} onClick={() => setEditing(true)}>
          Edit
        </RowButton>
      ) : null}
      {canDelete ? (
        <RowConfirm
          name={klass.name}
          label="Delete"
          title={`Delete class ${klass.name}?`}
          description={
            <>
              The class <strong>{klass.name}</strong> is deleted. Its students stay in the school, without a class.
            </>
          }
          confirmLabel="Delete class"
          action={() => deleteClassAction({ id: klass.id })}
        />
      ) : null}
      {editing ? (
        <ClassFormDialog
          klass={klass}
          teacherOption={teacherOption}
          canPickTeacher={canPickTeacher}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(false);
          }}
        />
      ) : null}
    </RowActions>
  );
}

export function ClassesTable({
  classes,
  teacherNames,
  canChange,
  canDelete,
  empty,
}: {
  classes: ClassRow[];
  /** The names of the teachers on this page; null when the user may not view the staff. */
  teacherNames: TeacherNames | null;
  canChange: boolean;
  canDelete: boolean;
  empty: ReactNode;
}) {
  const teacherOption = (id: string | null): PickerOption | null => {
    const t = id ? teacherNames?.[id] : undefined;
    return id && t ? { id, label: t.name } : null;
  };
  const columns: Columns<ClassRow> = [
    column.accessor("name", {
      header: "Name",
      meta: { card: "title", sortField: "name" },
      cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>,
    }),
    column.accessor("grade", { header: "Grade", meta: { sortField: "grade" }, cell: ({ getValue }) => getValue() }),
    ...(teacherNames
      ? [
          column.accessor("teacher", {
            header: "Teacher",
            cell: ({ getValue }) => {
              const id = getValue();
              if (!id) return <span className="text-slate-600">No teacher</span>;
              const t = teacherNames[id];
              if (!t) return <span className="text-slate-600">Unknown staff member</span>;
              return (
                <>
                  {t.name}
                  {t.isActive ? null : <span className="text-slate-600"> (deactivated)</span>}
                </>
              );
            },
          }),
        ]
      : []),
    ...(canChange || canDelete
      ? [
          actionsColumn(column, ({ row }) => (
            <ClassActions
              klass={row.original}
              teacherOption={teacherOption(row.original.teacher)}
              canPickTeacher={teacherNames !== null}
              canChange={canChange}
              canDelete={canDelete}
            />
          )),
        ]
      : []),
  ];
  return <DataTable columns={columns} data={classes} caption="Classes" empty={empty} rowId={(c) => c.id} />;
}
