// What a portal page needs about its request — the school, the signed-in user and what they
// may do — read once per request (React's cache) however many layouts and pages ask.
import { cache } from "react";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { ALL_CODENAMES, type Codename } from "@/lib/rbac/catalogue";
import { userPermissions } from "@/lib/rbac/permissions";
import type { School } from "@/lib/schools/resolve-school";
import { PORTAL_ACCOUNT, requirePortalUser } from "@/lib/portal/portal-session";
import { redirect } from "next/navigation";

export interface PortalContext {
  school: School;
  principal: UserPrincipal;
  permissions: ReadonlySet<string>;
  can: (codename: Codename) => boolean;
  /** Holds every permission: a full admin, who may change the school's settings (lib/rbac/escalation.ts assertFullAdmin). */
  fullAdmin: boolean;
}

// Read once per request, whichever page or layout asks first: the two-factor policy is applied
// after, by each caller (below), so the cached read is the same for all of them.
const signedIn = cache(async (): Promise<PortalContext> => {
  const { school, principal } = await requirePortalUser({ beforeMfaEnrolment: true });
  const permissions = await userPermissions(principal.user.id, school.id);
  const fullAdmin = ALL_CODENAMES.every((codename) => permissions.has(codename));
  return { school, principal, permissions, can: (codename) => permissions.has(codename), fullAdmin };
});

/**
 * A portal page's context. A user the school's two-factor policy holds is sent to My account from
 * every page but those that declare `beforeMfaEnrolment` (My account, and the layout around every
 * page); every page calls this, so a client-side navigation is caught too.
 */
export async function portalContext(options: { beforeMfaEnrolment?: boolean } = {}): Promise<PortalContext> {
  const context = await signedIn();
  if (context.principal.mfaEnrolmentRequired && !options.beforeMfaEnrolment) redirect(PORTAL_ACCOUNT);
  return context;
}

/** The first value of a search parameter, trimmed and bounded. */
export function param(value: string | string[] | undefined, max = 200): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, max);
}
