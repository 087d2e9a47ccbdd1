"use client";
// A school admin's fields — name, how they sign in, password — the same in "New school" (its first
// admin) and on a school's page ("Add another admin"). Both forms hold them under `admin.`.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { InputRules } from "@/lib/config/input-rules";
import { passwordRuleText } from "@/lib/credentials/rules";
import { TextField } from "@/components/ui/field";
import { ContactFields } from "@/components/ui/contact-fields";

type AdminField = "full_name" | "email" | "phone" | "password";

export function AdminFields({
  rules,
  field,
  ruleError,
}: {
  rules: InputRules;
  /** A field's registration and its error, from the form that holds `admin.<name>`. */
  field: (name: AdminField) => UseFormRegisterReturn & { error?: string };
  /** The body's "email or phone" rule (`admin.non_field_errors`). */
  ruleError?: string;
}) {
  return (
    <>
      <TextField label="Admin full name" autoComplete="off" {...field("full_name")} />
      <ContactFields labelPrefix="Admin" region={rules.region} email={field("email")} phone={field("phone")} ruleError={ruleError} />
      <TextField
        label="Admin password"
        type="password"
        autoComplete="new-password"
        hint={`${passwordRuleText(rules)} Share it with them securely; they can change it after signing in.`}
        {...field("password")}
      />
    </>
  );
}
