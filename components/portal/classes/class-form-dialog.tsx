"use client";
// Creating or editing a class: name, grade and (for those who may see the staff) its teacher,
// picked by searching — a school of any size. The form's schema is the REST body's (ClassBody),
// with the form's own representation of two fields: the grade is typed as text, and the teacher
// is the picker's choice (its id goes to the server). The server action validates again: a
// teacher of another school is refused, next to the picker.
import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { createClassAction, editClassAction } from "@/lib/portal/actions/class-actions";
import { searchStaffAction } from "@/lib/portal/actions/picker-actions";
import { ClassBody } from "@/lib/school/school-schemas";
import { Button } from "@/components/ui/button";
import { Combobox, type PickerOption } from "@/components/ui/combobox";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";

export interface ClassRow {
  id: string;
  name: string;
  grade: number;
  teacher: string | null;
}

const { grade, teacher } = ClassBody.shape;

const ClassForm = ClassBody.extend({
  // Not a number at all (blank, "7b") is the body's own "A valid integer is required."
  grade: z
    .string()
    .trim()
    .transform((v) => (v === "" ? Number.NaN : Number(v)))
    .pipe(grade),
  teacher: z
    .object({ id: z.string(), label: z.string() })
    .nullable()
    .transform((choice) => choice?.id ?? null)
    .pipe(teacher.unwrap()),
});

/**
 * `klass` absent: a new one; `teacherOption` is its teacher as the picker shows it. With
 * `canPickTeacher` false (the user may not view the staff) the form leaves the teacher alone.
 */
export function ClassFormDialog({
  klass,
  teacherOption,
  canPickTeacher,
  open,
  onOpenChange,
}: {
  klass?: ClassRow;
  teacherOption?: PickerOption | null;
  canPickTeacher: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const form = useActionForm({
    schema: ClassForm,
    defaultValues: { name: klass?.name ?? "", grade: klass ? String(klass.grade) : "", teacher: teacherOption ?? null },
    action: ({ teacher: teacherId, ...values }) => {
      const body = { ...values, ...(canPickTeacher ? { teacher: teacherId } : {}) };
      return klass ? editClassAction({ id: klass.id, ...body }) : createClassAction(body);
    },
    onSuccess: () => {
      onOpenChange(false);
      if (!klass) form.reset();
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={klass ? `Edit ${klass.name}` : "New class"}
      submitLabel={klass ? "Save changes" : "Create class"}
      form={form}
    >
      <TextField label="Name" autoComplete="off" placeholder="e.g. 7B" error={form.error("name")} {...form.form.register("name")} />
      <TextField
        label="Grade"
        inputMode="numeric"
        autoComplete="off"
        hint={`A whole number from ${grade.minValue} to ${grade.maxValue}.`}
        error={form.error("grade")}
        {...form.form.register("grade")}
      />
      {canPickTeacher ? (
        <Controller
          control={form.form.control}
          name="teacher"
          render={({ field, fieldState }) => (
            <Combobox
              label="Teacher"
              placeholder="No teacher — type to search"
              value={field.value}
              onChange={field.onChange}
              search={searchStaffAction}
              hint="Optional. Search active staff by name, email or phone."
              error={fieldState.error?.message}
            />
          )}
        />
      ) : null}
    </FormDialog>
  );
}

export function NewClassButton({ canPickTeacher }: { canPickTeacher: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New class</Button>
      <ClassFormDialog canPickTeacher={canPickTeacher} open={open} onOpenChange={setOpen} />
    </>
  );
}
