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
import type { UserPrincipal } from "@/lib/rbac/principal";
import { assertActive, schoolErrors } from "@/lib/schools/resolve-school";
import { portalPrincipal, requestOrigin, requestSchool } from "@/lib/portal/portal-session";
import { assertPasswordCurrent, assertPrincipalMfaEnrolled } from "@/lib/auth/authenticate";

export type { ActionResult } from "@/lib/http/action-result";

/** Where a portal write happens and who makes it: what every lib/school write takes. */
export interface PortalWrite {
  schoolId: string;
  /** Always a signed-in user: the portal has no API keys. */
  actor: Actor<UserPrincipal>;
}

interface ActorOptions {
  beforePasswordChange?: boolean;
  beforeMfaEnrolment?: boolean;
}

/**
 * The acting staff user of this school, holding `permission` (when one is named). A user with a
 * temporary password may only change it (`beforePasswordChange`), and one the school's two-factor
 * policy holds may only enrol (`beforeMfaEnrolment`), as in the API.
 */
export async function portalActor(permission: Codename | null, options: ActorOptions = {}): Promise<PortalWrite> {
  const school = await requestSchool();
  if (!school) throw schoolErrors.notFound();
  assertActive(school);
  const principal = await portalPrincipal(school);
  if (!principal) throw new ApiError(401, "not_authenticated", "Your session has ended. Sign in again.");
  assertPasswordCurrent(principal.user, options.beforePasswordChange ?? false);
  assertPrincipalMfaEnrolled(principal, options.beforeMfaEnrolment ?? false);
  if (permission) await assertPermission(principal, permission, school.id);
  return { schoolId: school.id, actor: { principal, origin: await requestOrigin() } };
}

export function portalAction<S extends z.ZodType, T>(
  permission: Codename | null,
  schema: S,
  run: (input: z.output<S>, write: PortalWrite) => Promise<T>,
  options: ActorOptions = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) =>
    actionResult(async () => {
      const write = await portalActor(permission, options);
      return run(schema.parse(input), write);
    }, "portal");
}
