// What a portal page needs about its request — the school, the signed-in user and what they
// may do — read once per request (React's cache) however many layouts and pages ask.
import { cache } from "react";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { ALL_CODENAMES, type Codename } from "@/lib/rbac/catalogue";
import { userPermissions } from "@/lib/rbac/permissions";
import type { School } from "@/lib/schools/resolve-school";
import { requirePortalUser } from "@/lib/portal/portal-session";

export interface PortalContext {
  school: School;
  principal: UserPrincipal;
  permissions: ReadonlySet<string>;
  can: (codename: Codename) => boolean;
  /** Holds every permission: a full admin, who may change the school's settings (lib/rbac/escalation.ts assertFullAdmin). */
  fullAdmin: boolean;
}

export const portalContext = cache(async (): Promise<PortalContext> => {
  const { school, principal } = await requirePortalUser();
  const permissions = await userPermissions(principal.user.id, school.id);
  const fullAdmin = ALL_CODENAMES.every((codename) => permissions.has(codename));
  return { school, principal, permissions, can: (codename) => permissions.has(codename), fullAdmin };
});

/** The first value of a search parameter, trimmed and bounded. */
export function param(value: string | string[] | undefined, max = 200): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, max);
}
