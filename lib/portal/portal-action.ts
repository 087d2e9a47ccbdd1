// Server actions of the school portal go through this one wrapper, the portal's pipeline, built
// like the API's schoolRoute: the school from the request's host (active), the signed-in user
// from the portal cookie (checked in the database), the permission checked with the same RBAC as
// the API, the input validated with the same zod schema as the REST endpoint, and the same
// lib/school function doing the work. Errors come back as something a form can show next to its
// fields. Next.js refuses cross-site action posts (Origin must match Host): the CSRF protection.
import { z } from "zod";
import { ApiError, zodFieldErrors, type FieldErrors } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { assertPermission } from "@/lib/rbac/permissions";
import type { Codename } from "@/lib/rbac/catalogue";
import type { SchoolActor } from "@/lib/school/school-actor";
import { assertActive, tenantErrors } from "@/lib/tenancy/resolve-tenant";
import { portalPrincipal, requestOrigin, requestTenant } from "@/lib/portal/portal-session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

const CORRECT_FIELDS = "Please correct the highlighted fields.";

/** The acting staff user of this school, holding `permission` (when one is named). */
export async function portalActor(permission: Codename | null): Promise<SchoolActor> {
  const tenant = await requestTenant();
  if (!tenant) throw tenantErrors.notFound();
  assertActive(tenant);
  const principal = await portalPrincipal(tenant);
  if (!principal) throw new ApiError(401, "not_authenticated", "Your session has ended. Sign in again.");
  if (permission) await assertPermission(principal, permission, tenant.id);
  return { principal, tenant, origin: await requestOrigin() };
}

export function portalAction<S extends z.ZodType, T>(
  permission: Codename | null,
  schema: S,
  run: (input: z.output<S>, actor: SchoolActor) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const actor = await portalActor(permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, error: CORRECT_FIELDS, fieldErrors: zodFieldErrors(parsed.error) };
      return { ok: true, data: await run(parsed.data, actor) };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: error.options.errors ? CORRECT_FIELDS : error.detail, fieldErrors: error.options.errors };
      }
      if (error instanceof z.ZodError) return { ok: false, error: CORRECT_FIELDS, fieldErrors: zodFieldErrors(error) };
      log.error({ err: error }, "portal action failed");
      return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again." };
    }
  };
}
