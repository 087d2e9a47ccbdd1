// The school forms' browser-side checks and the glue between form fields and the server's
// field errors. The browser only catches the obvious (blank, malformed slug or email); the
// server action validates again with the REST schemas and has the last word (password length,
// domain rules, uniqueness), and its errors land next to the same fields.
import { z } from "zod";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { Slug } from "@/lib/schools/slug";

const required = (label: string) => z.string().trim().min(1, `Enter ${label}.`);

export const NewSchoolForm = z.object({
  school: z.object({
    name: required("the school's name").max(200, "Ensure this field has no more than 200 characters."),
    slug: z.string().trim().toLowerCase().pipe(Slug),
    domains: z.string(),
  }),
  admin: z
    .object({
      full_name: required("the admin's name").max(200, "Ensure this field has no more than 200 characters."),
      email: z.union([z.literal(""), z.string().trim().pipe(z.email("Enter a valid email address."))]),
      phone: z.string().trim().max(32, "Ensure this field has no more than 32 characters."),
      password: z.string().min(1, "Enter a password for the admin."),
    })
    .refine((a) => a.email !== "" || a.phone !== "", { message: "Provide an email, a phone number, or both.", path: ["email"] }),
});
export type NewSchoolValues = z.input<typeof NewSchoolForm>;

export const EditSchoolForm = z.object({
  name: required("the school's name").max(200, "Ensure this field has no more than 200 characters."),
  domains: z.string(),
});
export type EditSchoolValues = z.input<typeof EditSchoolForm>;

/** One domain per line (commas and spaces also separate); blank lines are ignored. */
export function domainLines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/**
 * Puts the server's field errors on the form's fields. `fields` maps a server path (or a prefix
 * ending in ".") to a form field; an error on one domain (`…domains.2`) is shown on the domains
 * textarea, naming the domain. Returns the messages no field took.
 */
export function applyServerErrors<T extends FieldValues>(
  errors: Record<string, string[]> | undefined,
  setError: UseFormSetError<T>,
  fields: Record<string, FieldPath<T>>,
  domains: string[] = [],
): string[] {
  const leftover: string[] = [];
  const byField = new Map<FieldPath<T>, string[]>();
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const item = /^(.*domains)\.(\d+)$/.exec(key);
    const field = fields[item ? item[1] : key];
    if (!field) {
      leftover.push(...messages);
      continue;
    }
    const domain = item ? domains[Number(item[2])] : undefined;
    byField.set(field, [...(byField.get(field) ?? []), ...messages.map((m) => (domain ? `${domain}: ${m}` : m))]);
  }
  let first = true;
  for (const [field, messages] of byField) {
    setError(field, { type: "server", message: messages.join(" ") }, { shouldFocus: first });
    first = false;
  }
  return leftover;
}
