"use client";
// A school admin's fields — name, how they sign in, an invitation or a password — the same in "New
// school" (its first admin) and on a school's page ("Add another admin"). Both forms hold them under `admin.`.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { InputRules } from "@/lib/config/input-rules";
import { TextField } from "@/components/ui/field";
import { ContactFields } from "@/components/ui/contact-fields";
import { CredentialChoiceFields, type CredentialChoice } from "@/components/ui/credential-choice";

type AdminField = "full_name" | "email" | "phone" | "credential" | "password";

const withoutError = ({ error: _, ...registration }: UseFormRegisterReturn & { error?: string }) => registration;

export function AdminFields({
  rules,
  field,
  ruleError,
  choice,
}: {
  rules: InputRules;
  /** The invitation-or-password choice as the form holds it now. */
  choice: CredentialChoice;
  /** A field's registration and its error, from the form that holds `admin.<name>`. */
  field: (name: AdminField) => UseFormRegisterReturn & { error?: string };
  /** The body's "email or phone" rule (`admin.non_field_errors`). */
  ruleError?: string;
}) {
  return (
    <>
      <TextField label="Admin full name" autoComplete="off" {...field("full_name")} />
      <ContactFields labelPrefix="Admin" region={rules.region} email={field("email")} phone={field("phone")} ruleError={ruleError} />
      <CredentialChoiceFields
        choice={choice}
        credential={withoutError(field("credential"))}
        password={field("password")}
        passwordLabel="Admin password"
        rules={rules}
      />
    </>
  );
}
