// Puts a server action's field errors on the form's fields (react-hook-form), so they appear
// next to the field they concern; returns the messages no field took, for the form-level error.
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

export function applyServerErrors<T extends FieldValues>(
  errors: Record<string, string[]> | undefined,
  setError: UseFormSetError<T>,
  fields: Partial<Record<string, FieldPath<T>>>,
): string[] {
  const leftover: string[] = [];
  const byField = new Map<FieldPath<T>, string[]>();
  for (const [key, messages] of Object.entries(errors ?? {})) {
    // `roles.0`, `teacher.subjects.2`: the field is the longest mapped prefix.
    const parts = key.split(".");
    let field: FieldPath<T> | undefined;
    for (let n = parts.length; n > 0 && !field; n--) field = fields[parts.slice(0, n).join(".")];
    if (!field) {
      leftover.push(...messages);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), ...messages]);
  }
  let first = true;
  for (const [field, messages] of byField) {
    setError(field, { type: "server", message: messages.join(" ") }, { shouldFocus: first });
    first = false;
  }
  return leftover;
}
