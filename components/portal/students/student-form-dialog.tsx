"use client";
// Creating or editing a student. The browser checks the obvious; the server action validates
// again with the REST body and has the last word (admission number taken, a class of another
// school, a date in the future), and its errors land next to the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { createStudentAction, editStudentAction } from "@/lib/portal/actions/student-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/portal/server-errors";

export interface StudentRow {
  id: string;
  first_name: string;
  last_name: string;
  admission_number: string;
  class: string | null;
  date_of_birth: string | null;
}

export interface ClassOption {
  id: string;
  name: string;
  grade: number;
}

const required = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Ensure this field has no more than ${max} characters.`);

const StudentForm = z.object({
  first_name: required("a first name", 100),
  last_name: required("a last name", 100),
  admission_number: required("an admission number", 50),
  class: z.string(),
  date_of_birth: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "Use the date format YYYY-MM-DD."),
});
type Values = z.infer<typeof StudentForm>;

const FIELDS = {
  first_name: "first_name",
  last_name: "last_name",
  admission_number: "admission_number",
  class: "class",
  date_of_birth: "date_of_birth",
} as const;

function valuesOf(student: StudentRow | undefined): Values {
  return {
    first_name: student?.first_name ?? "",
    last_name: student?.last_name ?? "",
    admission_number: student?.admission_number ?? "",
    class: student?.class ?? "",
    date_of_birth: student?.date_of_birth ?? "",
  };
}

/** `classes` is null when the user may not view classes: the form then leaves the class alone. */
export function StudentFormDialog({
  student,
  classes,
  open,
  onOpenChange,
}: {
  student?: StudentRow;
  classes: ClassOption[] | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(StudentForm),
    defaultValues: valuesOf(student),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const body = {
      first_name: values.first_name,
      last_name: values.last_name,
      admission_number: values.admission_number,
      date_of_birth: values.date_of_birth || null,
      ...(classes ? { class: values.class || null } : {}),
    };
    const result = student ? await editStudentAction({ id: student.id, ...body }) : await createStudentAction(body);
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, FIELDS);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    onOpenChange(false);
    if (!student) reset(valuesOf(undefined));
    router.refresh();
  });

  const change = (next: boolean) => {
    if (isSubmitting) return;
    if (!next) {
      setFormError(undefined);
      reset(valuesOf(student)); // cancelling forgets the edits
    }
    onOpenChange(next);
  };

  return (
    <Dialog open={open} onOpenChange={change} title={student ? `Edit ${student.first_name} ${student.last_name}` : "New student"}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First name" autoComplete="off" error={errors.first_name?.message} {...register("first_name")} />
          <TextField label="Last name" autoComplete="off" error={errors.last_name?.message} {...register("last_name")} />
        </div>
        <TextField
          label="Admission number"
          autoComplete="off"
          hint="Unique within the school."
          error={errors.admission_number?.message}
          {...register("admission_number")}
        />
        {classes ? (
          <SelectField label="Class" error={errors.class?.message} {...register("class")}>
            <option value="">No class</option>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} (grade {c.grade})
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label="Date of birth"
          type="date"
          max={new Date().toISOString().slice(0, 10)}
          hint="Optional."
          error={errors.date_of_birth?.message}
          {...register("date_of_birth")}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => change(false)} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {student ? "Save changes" : "Create student"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function NewStudentButton({ classes }: { classes: ClassOption[] | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New student</Button>
      <StudentFormDialog classes={classes} open={open} onOpenChange={setOpen} />
    </>
  );
}
