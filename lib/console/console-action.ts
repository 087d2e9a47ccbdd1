// Server actions of the console go through this one wrapper, the console's pipeline: it finds the
// signed-in user (checked in the database), checks their platform role, validates the input
// with the same zod schema as the REST endpoint, runs the same domain function, and turns any
// error into something a form can show next to its fields. Next.js refuses cross-site action
// posts (Origin must match Host), which is the console's CSRF protection for actions.
import { z } from "zod";
import { ApiError, zodFieldErrors, type FieldErrors } from "@/lib/http/errors";
import { log } from "@/lib/log";
import type { PlatformAccess } from "@/lib/platform/policy";
import type { Actor } from "@/lib/platform/actor";
import { consoleActor } from "@/lib/console/console-session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

export function consoleAction<S extends z.ZodType, T>(
  access: PlatformAccess,
  schema: S,
  run: (input: z.output<S>, actor: Actor) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const actor = await consoleActor(access);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error) };
      return { ok: true, data: await run(parsed.data, actor) };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: error.options.errors ? "Please correct the highlighted fields." : error.detail, fieldErrors: error.options.errors };
      }
      log.error({ err: error }, "console action failed");
      return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again." };
    }
  };
}
