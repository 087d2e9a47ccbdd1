// Finding the tenant of a school request (API.md §2): the host, else `X-Tenant` on the platform
// host, else the token's tenant. Suspension is read on every request: it must bite at once.
import { prepared, runScript } from "@/lib/db/tenant-script";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { classifyHost } from "@/lib/tenancy/hosts";
import { isValidSlug } from "@/lib/tenancy/slug";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  isActive: boolean;
}

// On every request without credentials (login, refresh, the portal's pages): prepared.
const COLUMNS = `id, slug, name, is_active AS "isActive"`;
const clientBySlug = prepared(`SELECT ${COLUMNS} FROM clients WHERE slug = $1::text`);
const clientByDomain = prepared(`SELECT ${COLUMNS} FROM clients WHERE id = (SELECT client_id FROM client_domains WHERE domain = $1::text)`);

async function one(statement: ReturnType<typeof prepared>, value: string): Promise<Tenant | null> {
  return ((await runScript([statement.run(value)]))[0].rows[0] as Tenant | undefined) ?? null;
}

function notFound(): ApiError {
  return new ApiError(404, "tenant_not_found", "No school is served at this address.");
}

async function bySlug(slug: string): Promise<Tenant> {
  if (!isValidSlug(slug)) throw notFound();
  const tenant = await one(clientBySlug, slug);
  if (!tenant) throw notFound();
  return tenant;
}

async function byDomain(domain: string): Promise<Tenant> {
  if (domain.length > 253) throw notFound();
  const tenant = await one(clientByDomain, domain);
  if (!tenant) throw notFound();
  return tenant;
}

/** The tenant served at a host (for pages); null on the platform host or an unknown host. */
export async function tenantAtHost(rawHost: string): Promise<Tenant | null> {
  const host = classifyHost(rawHost, env().SMS_ROOT_DOMAIN);
  try {
    if (host.kind === "subdomain") return await bySlug(host.slug);
    if (host.kind === "custom") return await byDomain(host.host);
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.code === "tenant_not_found") return null;
    throw error;
  }
}

/** The tenant named by the request itself (host or X-Tenant), or null on the bare platform host. */
export async function tenantFromRequest(request: Request): Promise<Tenant | null> {
  const host = classifyHost(request.headers.get("host"), env().SMS_ROOT_DOMAIN);
  const header = request.headers.get("x-tenant")?.trim().toLowerCase() || null;
  let tenant: Tenant | null = null;
  if (host.kind === "subdomain") tenant = await bySlug(host.slug);
  else if (host.kind === "custom") tenant = await byDomain(host.host);
  if (tenant) {
    if (header && header !== tenant.slug) {
      throw new ApiError(400, "tenant_mismatch", "The X-Tenant header names a different school than the host.");
    }
    return tenant;
  }
  return header ? bySlug(header) : null;
}

export function assertActive(tenant: Tenant): void {
  if (!tenant.isActive) throw new ApiError(403, "tenant_inactive", "This school's account is suspended.");
}
