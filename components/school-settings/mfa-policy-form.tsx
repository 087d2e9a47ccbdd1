"use client";
// "Require two-factor sign-in for staff": a school's two-factor policy (`mfa_required`), in both
// apps — on the console's school page (the client object's PATCH) and on the portal's School
// settings for its full admins (PATCH /api/v1/school/settings/). The action is the app's.
import { z } from "zod";
import type { ActionResult } from "@/lib/http/action-result";
import { SchoolSettingsPatchBody } from "@/lib/school/school-schemas";
import { CheckboxField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";

const PolicyForm = z.object({ mfa_required: SchoolSettingsPatchBody.shape.mfa_required.unwrap() });

export function MfaPolicyForm({
  required,
  save,
  staffOf,
}: {
  required: boolean;
  save: (input: { mfa_required: boolean }) => Promise<ActionResult<unknown>>;
  /** The school's name, for the hint. */
  staffOf: string;
}) {
  const form = useActionForm({
    schema: PolicyForm,
    defaultValues: { mfa_required: required },
    action: (values) => save(values),
    // The saved value is the form's new starting point (Save stays meaningful for the next change).
    onSuccess: (_, values) => form.form.reset(values),
  });
  return (
    <form onSubmit={form.submit} noValidate className="space-y-3">
      <FormAlert problem={form.problem} retryLabel="Save" />
      <CheckboxField
        label="Require two-factor sign-in for staff"
        hint={`Staff of ${staffOf} who have not turned it on are sent to turn it on before anything else — at once, even if they are signed in now. Those who have it on notice nothing.`}
        error={form.error("mfa_required")}
        {...form.form.register("mfa_required")}
      />
      <FormButtons submitLabel="Save" pending={form.pending} />
    </form>
  );
}
