"use client";
// Creating or editing a student. The form's schema is the REST body's (StudentBody), with the
// form's own representation of two fields: a date input gives "" for no date, and the class comes
// from a searching picker. The server action validates again and has the last word (admission
// number taken, a class of another school), its errors landing next to the same fields.
import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { createStudentAction, editStudentAction } from "@/lib/portal/actions/student-actions";
import { searchClassesAction } from "@/lib/portal/actions/picker-actions";
import { StudentBody } from "@/lib/school/school-schemas";
import { Button } from "@/components/ui/button";
import { Combobox, type PickerOption } from "@/components/ui/combobox";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";

export interface StudentRow {
  id: string;
  first_name: string;
  last_name: string;
  admission_number: string;
  class: string | null;
  date_of_birth: string | null;
}

const StudentForm = StudentBody.extend({
  class: z.string().nullable(),
  date_of_birth: z
    .string()
    .transform((v) => v || null)
    .pipe(StudentBody.shape.date_of_birth.unwrap()),
});

/**
 * `student` absent: a new one. `classOption` is the student's class as the picker shows it; null
 * `canPickClass` (the user may not view classes) leaves the class alone.
 */
export function StudentFormDialog({
  student,
  classOption,
  canPickClass,
  open,
  onOpenChange,
}: {
  student?: StudentRow;
  classOption?: PickerOption | null;
  canPickClass: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [pickedClass, setPickedClass] = useState<PickerOption | null>(classOption ?? null);
  const defaults = {
    first_name: student?.first_name ?? "",
    last_name: student?.last_name ?? "",
    admission_number: student?.admission_number ?? "",
    class: student?.class ?? null,
    date_of_birth: student?.date_of_birth ?? "",
  };
  const form = useActionForm({
    schema: StudentForm,
    defaultValues: defaults,
    action: ({ class: classId, ...values }) => {
      const body = { ...values, ...(canPickClass ? { class: classId } : {}) };
      return student ? editStudentAction({ id: student.id, ...body }) : createStudentAction(body);
    },
    onSuccess: () => {
      onOpenChange(false);
      if (!student) {
        form.reset();
        setPickedClass(null);
      }
    },
  });
  const name = student ? `${student.first_name} ${student.last_name}` : "";
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setPickedClass(classOption ?? null);
        onOpenChange(next);
      }}
      title={student ? `Edit ${name}` : "New student"}
      submitLabel={student ? "Save changes" : "Create student"}
      form={form}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="First name" autoComplete="off" error={form.error("first_name")} {...form.form.register("first_name")} />
        <TextField label="Last name" autoComplete="off" error={form.error("last_name")} {...form.form.register("last_name")} />
      </div>
      <TextField
        label="Admission number"
        autoComplete="off"
        hint="Unique within the school."
        error={form.error("admission_number")}
        {...form.form.register("admission_number")}
      />
      {canPickClass ? (
        <Controller
          control={form.form.control}
          name="class"
          render={({ field }) => (
            <Combobox
              label="Class"
              placeholder="No class — type to search"
              value={pickedClass}
              onChange={(option) => {
                setPickedClass(option);
                field.onChange(option?.id ?? null);
              }}
              search={searchClassesAction}
              hint="Optional. Search by class name."
              error={form.error("class")}
            />
          )}
        />
      ) : null}
      <TextField
        label="Date of birth"
        type="date"
        max={new Date().toISOString().slice(0, 10)}
        hint="Optional."
        error={form.error("date_of_birth")}
        {...form.form.register("date_of_birth")}
      />
    </FormDialog>
  );
}

export function NewStudentButton({ canPickClass }: { canPickClass: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New student</Button>
      <StudentFormDialog canPickClass={canPickClass} open={open} onOpenChange={setOpen} />
    </>
  );
}
