// What a portal page needs about its request — the school, the signed-in user and what they
// may do — read once per request (React's cache) however many layouts and pages ask.
import { cache } from "react";
import type { UserPrincipal } from "@/lib/auth/authenticate";
import type { Codename } from "@/lib/rbac/catalogue";
import { userPermissions } from "@/lib/rbac/permissions";
import type { Tenant } from "@/lib/tenancy/resolve-tenant";
import { requirePortalUser } from "@/lib/portal/portal-session";

export interface PortalContext {
  tenant: Tenant;
  principal: UserPrincipal;
  permissions: ReadonlySet<string>;
  can: (codename: Codename) => boolean;
}

export const portalContext = cache(async (): Promise<PortalContext> => {
  const { tenant, principal } = await requirePortalUser();
  const permissions = await userPermissions(principal.user.id, tenant.id);
  return { tenant, principal, permissions, can: (codename) => permissions.has(codename) };
});

/** The query URL a lib/school list function reads (only its query matters, never its host). */
export function listUrl(path: string, query: Record<string, string | undefined>): URL {
  const url = new URL(`http://portal.invalid${path}`);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return url;
}

/** The first value of a search parameter, trimmed and bounded. */
export function param(value: string | string[] | undefined, max = 200): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim().slice(0, max);
}
