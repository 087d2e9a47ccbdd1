"use client";
// My account's "Two-factor sign-in", in both apps: turn it on (a QR code drawn by the server, the
// key to type instead, the app's first code), see the ten recovery codes once, turn it off with the
// password. The actions are the app's (lib/console/actions/mfa-actions.ts, lib/portal/…).
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { MfaConfirmBody, MfaDisableBody } from "@/lib/auth/mfa-schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, FormDialog, useActionForm } from "@/components/ui/form";

interface Enrolment {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}

export function TwoFactorSection({
  enabled,
  start,
  confirm,
  disable,
}: {
  enabled: boolean;
  start: () => Promise<ActionResult<Enrolment>>;
  confirm: (input: { code: string }) => Promise<ActionResult<{ recovery_codes: string[] }>>;
  disable: (input: { password: string }) => Promise<ActionResult<null>>;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string>();
  const [turningOff, setTurningOff] = useState(false);

  const confirmForm = useActionForm({
    schema: MfaConfirmBody,
    defaultValues: { code: "" },
    action: (values) => confirm(values),
    onSuccess: (data) => {
      setEnrolment(null);
      setCodes(data.recovery_codes);
    },
  });
  const disableForm = useActionForm({
    schema: MfaDisableBody,
    defaultValues: { password: "" },
    action: (values) => disable(values),
    onSuccess: () => setTurningOff(false),
  });

  const begin = async () => {
    setStarting(true);
    setStartError(undefined);
    const result = await start();
    setStarting(false);
    if (result.ok) setEnrolment(result.data);
    else setStartError(result.error);
  };

  return (
    <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="two-factor-heading" className="text-base font-semibold">
        Two-factor sign-in
      </h2>
      {codes ? (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-slate-700">
            Two-factor sign-in is on. Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are
            shown only now.
          </p>
          <ul aria-label="Recovery codes" className="grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => setCodes(null)}>
            I have saved them
          </Button>
        </div>
      ) : enrolment ? (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-slate-700">
            Scan this code with your authenticator app, or type the setup key into it. Then enter the 6-digit code it shows.
          </p>
          <div
            role="img"
            aria-label="QR code for your authenticator app"
            className="h-48 w-48 bg-white"
            // The server drew it (lib/auth/mfa-qr.ts): an SVG of paths, nothing that runs.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: our own SVG, see above
            dangerouslySetInnerHTML={{ __html: enrolment.qr_svg }}
          />
          <TextField label="Setup key" readOnly value={enrolment.secret} className="font-mono" />
          <form onSubmit={confirmForm.submit} noValidate className="space-y-3">
            <FormAlert problem={confirmForm.problem} retryLabel="Turn on" />
            <TextField
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={64}
              error={confirmForm.error("code")}
              {...confirmForm.form.register("code")}
            />
            <FormButtons submitLabel="Turn on" pending={confirmForm.pending} onCancel={() => setEnrolment(null)} />
          </form>
        </div>
      ) : enabled ? (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-slate-700">On: signing in asks for a code from your authenticator app (or a recovery code).</p>
          <Button variant="secondary" onClick={() => setTurningOff(true)}>
            Turn off two-factor sign-in
          </Button>
          <FormDialog
            open={turningOff}
            onOpenChange={setTurningOff}
            title="Turn off two-factor sign-in"
            description="Your password alone will sign you in again. Your recovery codes stop working."
            submitLabel="Turn off"
            form={disableForm}
          >
            <TextField
              label="Your password"
              type="password"
              autoComplete="current-password"
              error={disableForm.error("password")}
              {...disableForm.form.register("password")}
            />
          </FormDialog>
        </div>
      ) : (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-slate-700">Off: your password alone signs you in. Add a code from an authenticator app.</p>
          <FormError message={startError} />
          <Button variant="secondary" onClick={begin} pending={starting}>
            Turn on two-factor sign-in
          </Button>
        </div>
      )}
    </section>
  );
}
