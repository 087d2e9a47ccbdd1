// What a console form or row shows when its server action fails. A refusal that concerns no
// single field (e.g. "The platform must keep at least one active superadmin.") arrives as
// `non_field_errors`; it is the message, not the generic "correct the highlighted fields".
import type { ActionResult } from "@/lib/console/console-action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export function nonFieldMessage(failure: Failure): string | undefined {
  return failure.fieldErrors?.non_field_errors?.join(" ");
}

/** One sentence for a place that has no fields of its own (a row's buttons, a banner). */
export function actionMessage(failure: Failure): string {
  const nonField = nonFieldMessage(failure);
  if (nonField) return nonField;
  const first = failure.fieldErrors ? Object.values(failure.fieldErrors)[0]?.[0] : undefined;
  return first ?? failure.error;
}

/** The first message for `field`, for a TextField's `error`. */
export function fieldError(failure: Failure | null | undefined, field: string): string | undefined {
  return failure?.fieldErrors?.[field]?.[0];
}
