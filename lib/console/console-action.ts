// Server actions of the console go through this one wrapper, the console's pipeline: it finds the
// signed-in user (checked in the database), checks their platform role, validates the input
// with the same zod schema as the REST endpoint, runs the same domain function, and turns any
// error into something a form can show next to its fields. Next.js refuses cross-site action
// posts (Origin must match Host), which is the console's CSRF protection for actions.
import type { z } from "zod";
import { actionResult, type ActionResult } from "@/lib/http/action-result";
import type { PlatformAccess } from "@/lib/platform/policy";
import type { PlatformActor } from "@/lib/audit/actor";
import { consoleActor } from "@/lib/console/console-session";

export type { ActionResult } from "@/lib/http/action-result";

export function consoleAction<S extends z.ZodType, T>(
  access: PlatformAccess,
  schema: S,
  run: (input: z.output<S>, actor: PlatformActor) => Promise<T>,
  options: { beforePasswordChange?: boolean; beforeMfaEnrolment?: boolean } = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) =>
    actionResult(async () => {
      const actor = await consoleActor(access, options);
      return run(schema.parse(input), actor);
    }, "console");
}
