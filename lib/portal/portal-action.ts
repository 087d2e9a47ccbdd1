// Server actions of the school portal go through this one wrapper, the portal's pipeline, built
// like the API's schoolRoute: the school from the request's host (active), the signed-in user
// from the portal cookie (checked in the database), the permission checked with the same RBAC as
// the API, the input validated with the same zod schema as the REST endpoint, and the same
// lib/school function doing the work. Errors come back as something a form can show next to its
// fields. Next.js refuses cross-site action posts (Origin must match Host): the CSRF protection.
import type { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { actionResult, type ActionResult } from "@/lib/http/action-result";
import { assertPermission } from "@/lib/rbac/permissions";
import type { Codename } from "@/lib/rbac/catalogue";
import type { Actor } from "@/lib/audit/actor";
import { assertActive, schoolErrors } from "@/lib/schools/resolve-school";
import { portalPrincipal, requestOrigin, requestSchool } from "@/lib/portal/portal-session";

export type { ActionResult } from "@/lib/http/action-result";

/** Where a portal write happens and who makes it: what every lib/school write takes. */
export interface PortalWrite {
  schoolId: string;
  actor: Actor;
}

/** The acting staff user of this school, holding `permission` (when one is named). */
export async function portalActor(permission: Codename | null): Promise<PortalWrite> {
  const school = await requestSchool();
  if (!school) throw schoolErrors.notFound();
  assertActive(school);
  const principal = await portalPrincipal(school);
  if (!principal) throw new ApiError(401, "not_authenticated", "Your session has ended. Sign in again.");
  if (permission) await assertPermission(principal, permission, school.id);
  return { schoolId: school.id, actor: { principal, origin: await requestOrigin() } };
}

export function portalAction<S extends z.ZodType, T>(
  permission: Codename | null,
  schema: S,
  run: (input: z.output<S>, write: PortalWrite) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) =>
    actionResult(async () => {
      const write = await portalActor(permission);
      return run(schema.parse(input), write);
    }, "portal");
}
