"use client";
// "Set a temporary password" for one of a school's staff (PATCH …/clients/{id}/users/{uid}/'s
// `password`): it says first what follows — every session of theirs ends, and they must choose
// their own password when they next sign in — then confirms it was done.
import { useMemo, useState } from "react";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { NewPassword, passwordRuleText } from "@/lib/credentials/rules";
import { setSchoolUserPasswordAction } from "@/lib/console/actions/school-user-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";

const SUBMIT = "Set temporary password";

export function SchoolUserPasswordDialog({
  schoolId,
  user,
  rules,
  open,
  onOpenChange,
}: {
  schoolId: string;
  user: { id: string; name: string };
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [done, setDone] = useState(false);
  const schema = useMemo(() => z.object({ password: NewPassword(rules) }), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { password: "" },
    action: ({ password }) => setSchoolUserPasswordAction({ school: schoolId, id: user.id, password }),
    onSuccess: () => setDone(true),
  });
  const change = (next: boolean) => {
    if (form.pending) return;
    if (!next) {
      form.reset();
      setDone(false);
    }
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={done ? "Temporary password set" : `Set a temporary password for ${user.name}`}
      description={
        done ? undefined : (
          <>
            Every session of <strong>{user.name}</strong> ends at once. They sign in with this password, and must then choose a new one
            before they can do anything else. Share it with them securely.
          </>
        )
      }
    >
      {done ? (
        <div className="space-y-4">
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            {user.name} has a temporary password now. Their sessions have ended; they must choose a new password at their next sign-in.
          </p>
          <div className="flex justify-end">
            <Button onClick={() => change(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={form.submit} noValidate className="space-y-4">
          <FormAlert problem={form.problem} retryLabel={SUBMIT} />
          <TextField
            label="Temporary password"
            type="password"
            autoComplete="new-password"
            hint={passwordRuleText(rules)}
            error={form.error("password")}
            {...form.form.register("password")}
          />
          <FormButtons submitLabel={SUBMIT} pending={form.pending} onCancel={() => change(false)} />
        </form>
      )}
    </Dialog>
  );
}
