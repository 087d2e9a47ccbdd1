"use client";
// Creating or editing a class: name, grade and (for those who may see the staff) its teacher.
// The server action validates again with the REST body: a teacher of another school is refused.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { createClassAction, editClassAction } from "@/lib/portal/actions/class-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/portal/server-errors";

export interface ClassRow {
  id: string;
  name: string;
  grade: number;
  teacher: string | null;
}

export interface StaffOption {
  id: string;
  name: string;
  active: boolean;
}

const ClassForm = z.object({
  name: z.string().trim().min(1, "Enter the class's name.").max(100, "Ensure this field has no more than 100 characters."),
  grade: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "Enter a grade from 0 to 20.")
    .refine((g) => Number(g) <= 20, "Enter a grade from 0 to 20."),
  teacher: z.string(),
});
type Values = z.infer<typeof ClassForm>;

const FIELDS = { name: "name", grade: "grade", teacher: "teacher" } as const;

const valuesOf = (c: ClassRow | undefined): Values => ({ name: c?.name ?? "", grade: c ? String(c.grade) : "", teacher: c?.teacher ?? "" });

/** `staff` is null when the user may not view the staff: the form then leaves the teacher alone. */
export function ClassFormDialog({
  klass,
  staff,
  open,
  onOpenChange,
}: {
  klass?: ClassRow;
  staff: StaffOption[] | null;
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
    resolver: zodResolver(ClassForm),
    defaultValues: valuesOf(klass),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const body = { name: values.name, grade: Number(values.grade), ...(staff ? { teacher: values.teacher || null } : {}) };
    const result = klass ? await editClassAction({ id: klass.id, ...body }) : await createClassAction(body);
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, FIELDS);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    onOpenChange(false);
    if (!klass) reset(valuesOf(undefined));
    router.refresh();
  });

  const change = (next: boolean) => {
    if (isSubmitting) return;
    if (!next) {
      setFormError(undefined);
      reset(valuesOf(klass));
    }
    onOpenChange(next);
  };

  return (
    <Dialog open={open} onOpenChange={change} title={klass ? `Edit ${klass.name}` : "New class"}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextField label="Name" autoComplete="off" placeholder="e.g. 7B" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Grade"
          inputMode="numeric"
          autoComplete="off"
          hint="A number from 0 to 20."
          error={errors.grade?.message}
          {...register("grade")}
        />
        {staff ? (
          <SelectField label="Teacher" error={errors.teacher?.message} {...register("teacher")}>
            <option value="">No teacher</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.active ? "" : " (deactivated)"}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => change(false)} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {klass ? "Save changes" : "Create class"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function NewClassButton({ staff }: { staff: StaffOption[] | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New class</Button>
      <ClassFormDialog staff={staff} open={open} onOpenChange={setOpen} />
    </>
  );
}
