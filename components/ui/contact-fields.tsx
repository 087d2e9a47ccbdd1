// How an account signs in: an email, a phone number or both — the fieldset every account form
// uses (platform staff, a school's first admin, a school's staff), saying up front that either
// one is enough and how a phone number is read.
//
// The REST bodies take a missing field as "none" (create) or null as "remove" (PATCH), while a
// text input gives "" for one left empty: `blankAs` turns "" into what the body expects before the
// body's own field schema checks the rest.
import { useId, type ReactNode } from "react";
import { z } from "zod";
import { TextField, type TextFieldProps } from "@/components/ui/field";

/** A body's optional field as an input gives it: "" becomes `undefined` (create) or `null` (PATCH). */
export function blankAs<S extends z.ZodType<unknown, string | undefined>>(
  empty: undefined,
  field: S,
): z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>, S>;
export function blankAs<S extends z.ZodType<unknown, string | null>>(
  empty: null,
  field: S,
): z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>, S>;
export function blankAs(empty: undefined | null, field: z.ZodType<unknown, string | undefined | null>) {
  return z
    .string()
    .transform((v) => v.trim() || empty)
    .pipe(field);
}

type FieldProps = Omit<TextFieldProps, "label" | "type" | "hint">;

/** How a phone field says numbers are read: with a country code, or as dialled in the deployment's region. */
export const phoneHint = (region: string) => `With its country code (+44 20 7946 0000), or as dialled in ${regionName(region)}.`;

const regionName = (region: string) => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(region) ?? region;
  } catch {
    return region;
  }
};

export function ContactFields({
  email,
  phone,
  region,
  labelPrefix,
  ruleError,
}: {
  email: FieldProps;
  phone: FieldProps;
  /** The region national phone numbers are read in (InputRules.region). */
  region: string;
  /** "Admin" names the fields "Admin email", "Admin phone". */
  labelPrefix?: string;
  /** The body's "email or phone" rule, when the form shows it here rather than as its message. */
  ruleError?: string;
}): ReactNode {
  const id = useId();
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" aria-describedby={`${id}-rule`}>
      <legend className="px-1 text-sm font-medium text-slate-800">How they sign in</legend>
      <p id={`${id}-rule`} className="text-sm text-slate-600">
        An email, a phone number, or both: either one is enough to sign in.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={labelPrefix ? `${labelPrefix} email` : "Email"} type="email" autoComplete="off" {...email} />
        <TextField
          label={labelPrefix ? `${labelPrefix} phone` : "Phone"}
          type="tel"
          autoComplete="off"
          hint={phoneHint(region)}
          {...phone}
        />
      </div>
      {ruleError ? (
        <p role="alert" className="text-sm text-red-700">
          {ruleError}
        </p>
      ) : null}
    </fieldset>
  );
}
