"use client";
// "New staff member": a superadmin creates a platform account. The server validates (same body as
// POST /api/v1/system/users/); its field errors come back next to their fields, values kept.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { fieldError, nonFieldMessage } from "@/components/console/action-error";
import { ROLE_HINT, ROLE_OPTIONS } from "@/components/console/platform-staff/platform-roles";
import { createStaffMember, type StaffCreateInput } from "@/lib/console/actions/platform-staff-actions";
import type { ActionResult } from "@/lib/console/console-action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

const EMPTY: StaffCreateInput = { full_name: "", email: "", phone: "", password: "", platform_role: "support" };

export function NewPlatformStaffDialog({ passwordMinLength }: { passwordMinLength: number }) {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<string>();
  const {
    register,
    handleSubmit,
    reset,
    formState: { isSubmitting },
  } = useForm<StaffCreateInput>({ defaultValues: EMPTY });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      // A half-typed password does not linger in a closed dialog.
      reset(EMPTY);
      setFailure(null);
    }
  };

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await createStaffMember(values);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setCreated(`${result.data.full_name || result.data.email || result.data.phone} can now sign in.`);
    onOpenChange(false);
  });

  const contactError = failure ? nonFieldMessage(failure) : undefined;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
        }}
      >
        New staff member
      </Button>
      {created ? (
        <p role="status" className="text-sm text-green-800">
          {created}
        </p>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="New staff member"
        description="A platform account: it signs in to this console, not to a school."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {failure && !contactError ? <FormError message={failure.error} /> : null}
          <TextField label="Full name" autoComplete="off" error={fieldError(failure, "full_name")} {...register("full_name")} />
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" aria-describedby="new-staff-contact-hint">
            <legend className="px-1 text-sm font-medium text-slate-800">Sign-in identifier</legend>
            <p id="new-staff-contact-hint" className="text-xs text-slate-500">
              An email, a phone number, or both; either one signs in.
            </p>
            <TextField label="Email" type="email" autoComplete="off" error={fieldError(failure, "email")} {...register("email")} />
            <TextField
              label="Phone"
              type="tel"
              autoComplete="off"
              hint="International format, e.g. +14155550123"
              error={fieldError(failure, "phone")}
              {...register("phone")}
            />
            {contactError ? (
              <p role="alert" className="text-sm text-red-700">
                {contactError}
              </p>
            ) : null}
          </fieldset>
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${passwordMinLength} characters. Share it with them over a safe channel.`}
            error={fieldError(failure, "password")}
            {...register("password")}
          />
          <SelectField label="Platform role" hint={ROLE_HINT} error={fieldError(failure, "platform_role")} {...register("platform_role")}>
            {ROLE_OPTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </SelectField>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              Create staff member
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
