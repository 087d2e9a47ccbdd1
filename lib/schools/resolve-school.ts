// Finding the tenant of a school request (the REST contract §2): the host, else `X-Tenant` on the platform
// host, else the token's tenant. Suspension is read on every request: it must bite at once.
import { prepared, runScript, type PreparedStatement } from "@/lib/db/sql-script";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { classifyHost } from "@/lib/schools/hosts";
import { isValidSlug } from "@/lib/schools/slug";

export interface School {
  id: string;
  slug: string;
  name: string;
  isActive: boolean;
}

// On every request without credentials (login, refresh, the portal's pages): prepared.
const COLUMNS = `id, slug, name, is_active AS "isActive"`;
const clientBySlug = prepared(`SELECT ${COLUMNS} FROM clients WHERE slug = $1::text`);
const clientById = prepared(`SELECT ${COLUMNS} FROM clients WHERE id = $1::uuid`);
const clientByDomain = prepared(`SELECT ${COLUMNS} FROM clients WHERE id = (SELECT client_id FROM client_domains WHERE domain = $1::text)`);

async function one(statement: PreparedStatement, value: string): Promise<School | null> {
  return ((await runScript([statement.run(value)]))[0].rows[0] as School | undefined) ?? null;
}

/** The contract's tenant errors (the REST contract §2), for every path that resolves a school. */
export const schoolErrors = {
  notFound: () => new ApiError(404, "tenant_not_found", "No school is served at this address."),
  mismatch: () => new ApiError(400, "tenant_mismatch", "The X-Tenant header names a different school than the host."),
  required: () => new ApiError(400, "tenant_required", "No school given: use the school's address or the X-Tenant header."),
  inactive: () => new ApiError(403, "tenant_inactive", "This school's account is suspended."),
};

/** How a request names its school: a slug (subdomain or X-Tenant) or a custom domain. */
export interface SchoolAddress {
  by: "slug" | "domain";
  value: string;
  /** X-Tenant sent with a custom domain: it must name the school found there. */
  header: string | null;
}

/**
 * The school a request names by its host, else by X-Tenant on the platform host (the REST contract §2), its
 * form checked before any lookup: null when it names none. A subdomain and an X-Tenant that
 * disagree are refused here; a custom domain's X-Tenant is checked against the school found
 * (`assertServes`).
 */
export function schoolAddress(request: Request): SchoolAddress | null {
  const host = classifyHost(request.headers.get("host"), env().SMS_ROOT_DOMAIN);
  const header = request.headers.get("x-tenant")?.trim().toLowerCase() || null;
  if (host.kind === "subdomain") {
    if (!isValidSlug(host.slug)) throw schoolErrors.notFound();
    if (header && header !== host.slug) throw schoolErrors.mismatch();
    return { by: "slug", value: host.slug, header: null };
  }
  if (host.kind === "custom") {
    if (host.host.length > 253) throw schoolErrors.notFound();
    return { by: "domain", value: host.host, header };
  }
  if (!header) return null;
  if (!isValidSlug(header)) throw schoolErrors.notFound();
  return { by: "slug", value: header, header: null };
}

/** What must hold of the school found at `address`: the one its X-Tenant names, and active. */
export function assertServes(address: SchoolAddress | null, school: { slug: string; isActive: boolean }): void {
  if (address?.header && address.header !== school.slug) throw schoolErrors.mismatch();
  assertActive(school);
}

/** The tenant served at a host (for pages); null on the platform host or an unknown host. */
export async function schoolAtHost(rawHost: string): Promise<School | null> {
  const host = classifyHost(rawHost, env().SMS_ROOT_DOMAIN);
  if (host.kind === "subdomain") return isValidSlug(host.slug) ? one(clientBySlug, host.slug) : null;
  if (host.kind === "custom") return host.host.length <= 253 ? one(clientByDomain, host.host) : null;
  return null;
}

/** The tenant with this id (a verified token's `tid`), or null when it no longer exists. */
export async function schoolById(id: string): Promise<School | null> {
  return one(clientById, id);
}

/** The tenant named by the request itself (host or X-Tenant), or null on the bare platform host. */
export async function schoolFromRequest(request: Request): Promise<School | null> {
  const address = schoolAddress(request);
  if (!address) return null;
  const school = await one(address.by === "slug" ? clientBySlug : clientByDomain, address.value);
  if (!school) throw schoolErrors.notFound();
  if (address.header && address.header !== school.slug) throw schoolErrors.mismatch();
  return school;
}

export function assertActive(school: { isActive: boolean }): void {
  if (!school.isActive) throw schoolErrors.inactive();
}
