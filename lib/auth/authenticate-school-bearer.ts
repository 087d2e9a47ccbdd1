// The hot path of every token-authenticated school request, in ONE database round trip: the
// school named by the request (host, X-Tenant, or the token's own tenant), whether the token's
// session is live, its user, and the permissions that user holds in that school right now (grants
// within their term, by the database's clock: lib/rbac/grant-terms.ts) — and,
// in the same message, the statements the route reads with (`reads`, see TenantReadPlan in
// lib/db/tenant-script.ts), which only see the school's rows once those checks pass.
//
// It answers exactly what the separate steps would (lib/tenancy/resolve-tenant.ts,
// lib/auth/authenticate.ts, lib/rbac/permissions.ts), in the same order of precedence:
// unknown school 404, host/header mismatch 400, suspended school 403, then the token's 401s.
import { ApiError } from "@/lib/http/api-error";
import { assertServes, schoolAddress, schoolErrors, type School } from "@/lib/schools/resolve-school";
import { verifyToken, type TokenClaims } from "@/lib/auth/tokens";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { assertMfaEnrolled, assertPasswordCurrent, mfaEnrolmentRequired } from "@/lib/auth/authenticate";
import { PUBLIC_USER_COLUMNS, userOfRow, type PublicUserRow } from "@/lib/users/user-schemas";
import { prepared, runAuthenticated, type SqlText } from "@/lib/db/sql-script";
import { LIVE_GRANT_SQL } from "@/lib/rbac/grant-terms";

/** The user's columns are null unless the session is valid. */
interface Row extends PublicUserRow {
  /** Null when no school is served at the address. */
  school_id: string | null;
  school_slug: string;
  school_name: string;
  school_active: boolean;
  /** The school's two-factor policy: its staff must turn two-factor on before anything else. */
  school_mfa_required: boolean;
  /** The session is the token's, live (not revoked, not past its end, its user's epoch), its user active and of this school. */
  session_valid: boolean | null;
  permissions: string[];
  granted: boolean;
}

const tokenInvalid = () => new ApiError(401, "token_not_valid", "Token is invalid or expired.");

// $1 names the school (by the `where` below), $2 the session, $3/$4 the token's tenant and user,
// $5 the permission the route needs (NULL: none), $6 whether the route is one a user who must change
// their password may reach (auth/password, me, logout), $7 one a user the school's two-factor policy
// holds may reach (those and auth/mfa/totp and its confirm).
//
// Besides the row, the statement sets the tenant context for the rest of its message (`reads`),
// but only when the same checks pass in SQL — so the reads see no tenant rows unless the request
// is authenticated and authorised. It always returns exactly one row (NULL id: no such school).
// TypeScript still makes every decision about which error to answer.
const authStatement = (where: string) =>
  prepared(`
  SELECT c.id AS school_id, c.slug AS school_slug, c.name AS school_name, c.is_active AS school_active,
         c.mfa_required AS school_mfa_required, s.session_valid,
         ${PUBLIC_USER_COLUMNS},
         p.permissions,
         set_config('app.client_id', CASE WHEN c.is_active AND s.session_valid AND ($5::text IS NULL OR $5::text = ANY (p.permissions))
                                               AND (NOT u.password_change_required OR $6::boolean)
                                               AND (u.mfa_enabled OR NOT c.mfa_required OR $7::boolean)
                                          THEN c.id::text ELSE '' END, true) <> '' AS granted
  FROM (VALUES (1)) AS one(x)
  LEFT JOIN clients c ON ${where}
  LEFT JOIN refresh_families f ON f.id = $2::uuid AND c.id IS NOT NULL
  LEFT JOIN users u ON u.id = f.user_id
  CROSS JOIN LATERAL (
    SELECT COALESCE(c.id = $3::uuid AND f.user_id = $4::uuid AND f.revoked_at IS NULL AND f.expires_at > now()
                    AND u.is_active AND u.client_id = c.id AND u.session_epoch = f.session_epoch, false) AS session_valid
  ) s
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(DISTINCT x.codename), '{}') AS permissions
    FROM user_role_assignments a
    JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
    CROSS JOIN LATERAL unnest(r.permissions) AS x(codename)
    WHERE s.session_valid AND a.user_id = f.user_id AND a.client_id = c.id AND ${LIVE_GRANT_SQL}
  ) p`);

const bySlug = authStatement("c.slug = $1::text");
const byDomain = authStatement("c.id = (SELECT client_id FROM client_domains WHERE domain = $1::text)");
const byId = authStatement("c.id = $1::uuid");

export interface BearerAuthentication {
  school: School;
  principal: UserPrincipal;
  /** Rows of the `reads`, one array per statement; empty arrays unless `granted`. */
  rows: unknown[][];
  /** The SQL side of the checks passed, `permission` included: the reads saw the tenant's rows. */
  granted: boolean;
}

export async function authenticateSchoolBearer(
  request: Request,
  token: string,
  options: {
    permission?: string | null;
    reads?: (claims: TokenClaims) => SqlText[];
    /** The route is one a user whose password must change may reach (see assertPasswordCurrent). */
    beforePasswordChange?: boolean;
    /** The route is one a user the school's two-factor policy holds may reach (see assertMfaEnrolled). */
    beforeMfaEnrolment?: boolean;
  } = {},
): Promise<BearerAuthentication> {
  const address = schoolAddress(request);
  let claims: TokenClaims | null = null;
  let tokenError: unknown = null;
  try {
    claims = await verifyToken(token, { type: "access", aud: "school" });
  } catch (error) {
    tokenError = error;
  }
  // the REST contract §2, last resort: the token's own tenant.
  if (!address && !claims?.tid) throw tokenError ?? tokenInvalid();
  const statement = !address ? byId : address.by === "slug" ? bySlug : byDomain;
  const auth = statement.run(
    address?.value ?? claims!.tid,
    claims?.sid ?? null,
    claims?.tid ?? null,
    claims?.sub ?? null,
    options.permission ?? null,
    options.beforePasswordChange ?? false,
    options.beforeMfaEnrolment ?? false,
  );

  // With a token that failed verification there is nothing to read: only the tenant's own errors
  // (404/400/403) still come before the 401.
  const reads = claims && options.reads ? options.reads(claims) : [];
  const { row, rows } = await runAuthenticated<Row>(auth, reads);
  if (!row.school_id) throw schoolErrors.notFound();
  assertServes(address, { slug: row.school_slug, isActive: row.school_active });
  if (!claims) throw tokenError;
  // The token's school is this one, its session is live and its user active here (checked in SQL).
  if (claims.tid !== row.school_id || !row.session_valid) throw tokenInvalid();
  const user = userOfRow(row);
  // The SQL withheld the school's rows from the reads too (`granted`).
  assertPasswordCurrent(user, options.beforePasswordChange ?? false);
  assertMfaEnrolled(user, options.beforeMfaEnrolment ?? false, row.school_mfa_required);

  return {
    school: { id: row.school_id, slug: row.school_slug, name: row.school_name, isActive: row.school_active },
    principal: {
      kind: "user",
      user,
      sessionId: claims.sid,
      permissions: new Set(row.permissions),
      mfaEnrolmentRequired: mfaEnrolmentRequired(user, row.school_mfa_required),
    },
    rows,
    granted: row.granted,
  };
}
