// What a console or portal server action answers a form: its data, or an error to show — next to
// the fields it names — made from the same errors the REST API answers (`knownError`).
import type { ErrorCode, FieldErrors } from "@/lib/http/api-error";
import { knownError } from "@/lib/http/errors";
import { log } from "@/lib/log";

/**
 * `code` is the REST error code (`not_authenticated` when the session has ended, `throttled`, …),
 * so a form can react to the kind of failure, not just show its sentence.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code?: ErrorCode; fieldErrors?: FieldErrors };

const CORRECT_FIELDS = "Please correct the highlighted fields.";

/** Runs an action's work; anything it throws becomes a result a form can show. */
export async function actionResult<T>(work: () => Promise<T>, where: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const known = knownError(error);
    if (known)
      return {
        ok: false,
        error: known.options.errors ? CORRECT_FIELDS : known.detail,
        code: known.code,
        fieldErrors: known.options.errors,
      };
    log.error({ err: error }, `${where} action failed`);
    return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again.", code: "server_error" };
  }
}
