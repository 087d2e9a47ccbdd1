// The hot path of every token-authenticated school request, in ONE database round trip: the
// school named by the request (host, X-Tenant, or the token's own tenant), whether the token's
// session is live, its user, and the permissions that user holds in that school right now.
//
// It answers exactly what the separate steps would (lib/tenancy/resolve-tenant.ts,
// lib/auth/authenticate.ts, lib/rbac/permissions.ts), in the same order of precedence:
// unknown school 404, host/header mismatch 400, suspended school 403, then the token's 401s.
import { prisma, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { classifyHost } from "@/lib/tenancy/hosts";
import { isValidSlug } from "@/lib/tenancy/slug";
import type { Tenant } from "@/lib/tenancy/resolve-tenant";
import { verifyToken, type TokenClaims } from "@/lib/auth/tokens";
import type { UserPrincipal } from "@/lib/auth/authenticate";
import type { PublicUser } from "@/lib/users/user-schemas";

interface Row {
  id: string;
  slug: string;
  name: string;
  is_active: boolean;
  family_user: string | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  user_id: string | null;
  email: string | null;
  phone: string | null;
  full_name: string | null;
  user_active: boolean | null;
  user_client: string | null;
  platform_role: PublicUser["platformRole"];
  last_login: Date | null;
  date_joined: Date | null;
  permissions: string[];
}

const tenantNotFound = () => new ApiError(404, "tenant_not_found", "No school is served at this address.");
const tokenInvalid = () => new ApiError(401, "token_not_valid", "Token is invalid or expired.");

export async function authenticateSchoolBearer(request: Request, token: string): Promise<{ tenant: Tenant; principal: UserPrincipal }> {
  const host = classifyHost(request.headers.get("host"), env().SMS_ROOT_DOMAIN);
  const header = request.headers.get("x-tenant")?.trim().toLowerCase() || null;
  let claims: TokenClaims | null = null;
  let tokenError: unknown = null;
  try {
    claims = await verifyToken(token, { type: "access", aud: "school" });
  } catch (error) {
    tokenError = error;
  }

  let where: Prisma.Sql;
  if (host.kind === "subdomain") {
    if (!isValidSlug(host.slug)) throw tenantNotFound();
    if (header && header !== host.slug) throw new ApiError(400, "tenant_mismatch", "The X-Tenant header names a different school than the host.");
    where = Prisma.sql`c.slug = ${host.slug}`;
  } else if (host.kind === "custom") {
    if (host.host.length > 253) throw tenantNotFound();
    where = Prisma.sql`c.id = (SELECT client_id FROM client_domains WHERE domain = ${host.host})`;
  } else if (header) {
    if (!isValidSlug(header)) throw tenantNotFound();
    where = Prisma.sql`c.slug = ${header}`;
  } else {
    // API.md §2, last resort: the token's own tenant.
    if (!claims?.tid) throw tokenError ?? tokenInvalid();
    where = Prisma.sql`c.id = ${claims.tid}::uuid`;
  }

  const sid = claims?.sid ?? null;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT c.id, c.slug, c.name, c.is_active,
           f.user_id AS family_user, f.revoked_at, f.expires_at,
           u.id AS user_id, u.email, u.phone, u.full_name, u.is_active AS user_active, u.client_id AS user_client,
           u.platform_role::text AS platform_role, u.last_login, u.date_joined,
           COALESCE((
             SELECT array_agg(DISTINCT p.codename)
             FROM user_role_assignments a
             JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
             CROSS JOIN LATERAL unnest(r.permissions) AS p(codename)
             WHERE a.user_id = f.user_id AND a.client_id = c.id
           ), '{}') AS permissions
    FROM clients c
    LEFT JOIN refresh_families f ON f.id = ${sid}::uuid
    LEFT JOIN users u ON u.id = f.user_id
    WHERE ${where}`;
  const row = rows[0];
  if (!row) throw tenantNotFound();
  if (host.kind === "custom" && header && header !== row.slug) {
    throw new ApiError(400, "tenant_mismatch", "The X-Tenant header names a different school than the host.");
  }
  if (!row.is_active) throw new ApiError(403, "tenant_inactive", "This school's account is suspended.");
  if (!claims) throw tokenError;
  if (claims.tid !== row.id) throw tokenInvalid();
  if (!row.family_user || row.family_user !== claims.sub || row.revoked_at || !row.expires_at || row.expires_at <= new Date()) throw tokenInvalid();
  if (!row.user_id || !row.user_active || row.user_client !== row.id) throw tokenInvalid();

  const user: PublicUser = {
    id: row.user_id, email: row.email, phone: row.phone, fullName: row.full_name ?? "", isActive: true, clientId: row.user_client,
    platformRole: row.platform_role, lastLogin: row.last_login, dateJoined: row.date_joined!,
  };
  return {
    tenant: { id: row.id, slug: row.slug, name: row.name, isActive: row.is_active },
    principal: { kind: "user", user, sessionId: claims.sid, claims, permissions: new Set(row.permissions) },
  };
}
