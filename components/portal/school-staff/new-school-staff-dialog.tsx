"use client";
// "New staff member": the account, its roles and (optionally) a teacher profile, created by one
// server action with the body of POST /api/v1/school/users/. Roles the user could not hand out
// (they grant permissions the user lacks) are disabled; the server refuses them anyway.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { createStaffAction } from "@/lib/portal/actions/school-staff-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/portal/server-errors";

export interface RoleChoice {
  name: string;
  grantable: boolean;
}

const StaffForm = z
  .object({
    full_name: z.string().trim().min(1, "Enter their full name.").max(200, "Ensure this field has no more than 200 characters."),
    email: z.union([z.literal(""), z.string().trim().pipe(z.email("Enter a valid email address."))]),
    phone: z.string().trim().max(32, "Ensure this field has no more than 32 characters."),
    password: z.string().min(1, "Enter a password for them.").max(128, "Passwords have at most 128 characters."),
    roles: z.array(z.string()),
    employee_number: z.string().trim().max(50, "Ensure this field has no more than 50 characters."),
    subjects: z.string().max(2000),
  })
  .refine((v) => v.email !== "" || v.phone !== "", { message: "Provide an email, a phone number, or both.", path: ["email"] })
  .refine((v) => v.employee_number !== "" || v.subjects.trim() === "", {
    message: "A teacher profile needs an employee number.",
    path: ["employee_number"],
  });
type Values = z.input<typeof StaffForm>;

const EMPTY: Values = { full_name: "", email: "", phone: "", password: "", roles: [], employee_number: "", subjects: "" };

const FIELDS = {
  full_name: "full_name",
  email: "email",
  phone: "phone",
  password: "password",
  roles: "roles",
  non_field_errors: "email",
  "teacher.employee_number": "employee_number",
  "teacher.subjects": "subjects",
  teacher: "employee_number",
} as const;

const subjectList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function NewSchoolStaffDialog({ roles }: { roles: RoleChoice[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(StaffForm),
    defaultValues: EMPTY,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createStaffAction({
      full_name: values.full_name,
      email: values.email || undefined,
      phone: values.phone || undefined,
      password: values.password,
      roles: values.roles,
      teacher: values.employee_number ? { employee_number: values.employee_number, subjects: subjectList(values.subjects) } : undefined,
    });
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, FIELDS);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    setOpen(false);
    reset(EMPTY);
    router.refresh();
  });

  const onOpenChange = (next: boolean) => {
    if (isSubmitting) return;
    setOpen(next);
    if (!next) {
      clearErrors();
      setFormError(undefined);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>New staff member</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="New staff member"
        description="Creates their account in this school. Give them the password securely; they sign in on this school's address."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <TextField label="Full name" autoComplete="off" error={errors.full_name?.message} {...register("full_name")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register("email")} />
            <TextField label="Phone (optional)" type="tel" autoComplete="off" error={errors.phone?.message} {...register("phone")} />
          </div>
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            error={errors.password?.message}
            {...register("password")}
          />
          <fieldset aria-describedby={errors.roles ? "staff-roles-error" : "staff-roles-hint"}>
            <legend className="text-sm font-medium text-slate-800">Roles</legend>
            <p id="staff-roles-hint" className="text-xs text-slate-500">
              Greyed roles grant permissions you do not hold, so you cannot hand them out.
            </p>
            {roles.length ? (
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {roles.map((role) => (
                  <label
                    key={role.name}
                    className={`flex items-center gap-2 text-sm ${role.grantable ? "" : "cursor-not-allowed text-slate-400"}`}
                  >
                    <input
                      type="checkbox"
                      value={role.name}
                      disabled={!role.grantable}
                      className="h-4 w-4 accent-slate-900 disabled:opacity-40"
                      {...register("roles")}
                    />
                    {role.name}
                  </label>
                ))}
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">This school has no roles yet.</p>
            )}
            {errors.roles ? (
              <p id="staff-roles-error" role="alert" className="mt-1 text-sm text-red-700">
                {errors.roles.message}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-800">Teacher profile (optional)</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Employee number"
                autoComplete="off"
                error={errors.employee_number?.message}
                {...register("employee_number")}
              />
              <TextField
                label="Subjects"
                autoComplete="off"
                hint="Separated by commas."
                error={errors.subjects?.message}
                {...register("subjects")}
              />
            </div>
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              Create staff member
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
