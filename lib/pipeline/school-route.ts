// The school API's pipeline: a school from the host, X-Tenant or the credential; active; a Bearer
// token or an API key of that school; the permission of the route's resource and method; the
// query; the body — then the handler. Anything thrown becomes the contract's error shape.
//
//   GET: schoolRoute({ resource: "users", query: StaffListQuery }, async ({ school, query, url }) =>
//     ok(pageBody(url, await listStaff({ schoolId: school.id, ...query })))),
//
// The hot path: a route may declare its `read` up front; with a Bearer token or a key it travels
// in the same database message as the one authentication statement (lib/db/sql-script.ts), and
// sees the school's rows only if that statement's checks passed.
import type { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import type { RequestContext } from "@/lib/http/request-context";
import { assertActive, schoolById, schoolErrors, schoolFromRequest, type School } from "@/lib/schools/resolve-school";
import { bearerToken } from "@/lib/auth/authenticate";
import { authenticateSchoolBearer } from "@/lib/auth/authenticate-school-bearer";
import { authenticateSchoolApiKey } from "@/lib/api-keys/authenticate-api-key";
import { actionFor, assertPermission } from "@/lib/rbac/permissions";
import type { Principal, UserPrincipal } from "@/lib/rbac/principal";
import type { Codename, Resource } from "@/lib/rbac/catalogue";
import { runPlan, schoolRead, type ReadPlan, type SqlText } from "@/lib/db/sql-script";
import {
  instrument,
  notAuthenticated,
  parseBody,
  parseQuery,
  type AuthMode,
  type Parsed,
  type RouteHandler,
} from "@/lib/pipeline/endpoint";

/** What a route's read may depend on before the request is authenticated. */
export interface ReadScope<Q> {
  /** The parsed query (a read is planned only when it parsed). */
  query: Q;
  /** The user the credentials name (the token's subject), null for an API key or no credentials. */
  userId: string | null;
}

interface SchoolOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, R> {
  auth?: AuthMode;
  body?: B;
  /** The list's query schema (lib/http/query.ts): parsed, or a 400 naming the parameter. */
  query?: Q;
  /** Accept X-API-KEY as well as a Bearer token (default). The auth endpoints are for users only. */
  apiKeys?: boolean;
  /** The resource whose permission (`<resource>.<action of the method>`) the caller must hold. */
  resource?: Resource;
  /** A fixed codename instead (e.g. role assignments: creating one is `roles.change`). */
  permission?: Codename;
  /**
   * The route's read, declared up front: with credentials it travels in the same database message
   * as the authentication statement (the hot path: one round trip per request), and its result
   * reaches the handler as `read` only after authentication and permission passed.
   */
  read?: (scope: ReadScope<Parsed<Q>>) => ReadPlan<R>;
  /**
   * For routes whose credential travels in the body (refresh, logout): the school that credential
   * belongs to, when the request itself names none (the REST contract §2, last resort: the token's
   * school). The body is parsed and the credential verified first; a bad one throws its own error.
   */
  schoolOfBody?: (body: Parsed<B>) => Promise<string>;
  /** Reachable by a user who must change their password first (auth/password, me, logout); no other route is. */
  beforePasswordChange?: boolean;
  /**
   * Reachable by a user their school's two-factor policy holds to enrol first (auth/mfa/totp and its
   * confirm, me, password, logout); no other route is.
   */
  beforeMfaEnrolment?: boolean;
}

export interface PublicSchoolContext<B, Q = undefined, R = undefined> extends RequestContext {
  body: B;
  query: Q;
  school: School;
  /** The result of the route's `read`. */
  read: R;
}
export interface SchoolContext<B, Q = undefined, R = undefined> extends PublicSchoolContext<B, Q, R> {
  principal: Principal;
}
export interface SchoolUserContext<B, Q = undefined, R = undefined> extends PublicSchoolContext<B, Q, R> {
  principal: UserPrincipal;
}

const tokenRefused = () => new ApiError(401, "token_not_valid", "Token is invalid or expired.");
const keyRefused = () => new ApiError(401, "api_key_not_valid", "API key is invalid, revoked or expired.");

/**
 * The school of a request without credentials: host, else X-Tenant, else (for a credential in the
 * body) that credential's own school. Returns the body too when it had to be parsed for that.
 */
async function resolveSchool(
  request: Request,
  options: SchoolOptions<z.ZodType | undefined, z.ZodType | undefined, unknown>,
): Promise<{ school: School; body?: { value: unknown } }> {
  const school = await schoolFromRequest(request);
  if (school) return { school };
  if (!options.schoolOfBody) throw schoolErrors.required();
  const body = await parseBody(request, options.body);
  const named = await schoolById(await options.schoolOfBody(body as never));
  if (!named) throw tokenRefused(); // its school is gone: the credential with it
  return { school: named, body: { value: body } };
}

/**
 * A route's query and `read`, worked out at most once. Both are settled before anyone is
 * authenticated (so that the read can travel with the authentication statement), but a bad query
 * must not answer before a missing credential or permission does: its error waits for `result`,
 * and nothing is planned from it.
 */
class RouteRead {
  private planned?: { plan: ReadPlan<unknown> } | { error: unknown };
  readonly query: { query: unknown } | { error: unknown };

  constructor(
    private readonly read: ((scope: ReadScope<unknown>) => ReadPlan<unknown>) | undefined,
    url: URL,
    schema: z.ZodType | undefined,
  ) {
    this.query = parseQuery(url, schema);
  }

  /** The statements to send with the authentication statement (none: no read, or no plan). */
  statements(userId: string | null): SqlText[] {
    if (!this.read) return [];
    const planned = this.plan(userId);
    return "plan" in planned ? planned.plan.statements : [];
  }

  /**
   * The query and the read's result, once the request is authenticated and authorised: from the
   * rows that came with the authentication statement when it carried the read, else read now.
   */
  async result(
    schoolId: string,
    userId: string | null,
    sent: { rows: unknown[][]; granted: boolean } | null,
    refused: () => ApiError,
  ): Promise<{ query: unknown; read: unknown }> {
    if ("error" in this.query) throw this.query.error;
    const { query } = this.query;
    if (!this.read) return { query, read: undefined };
    const carried = this.planned !== undefined && sent !== null;
    const planned = this.plan(userId);
    if ("error" in planned) throw planned.error;
    if (!carried) return { query, read: await runPlan(schoolId, planned.plan) };
    // The SQL side of the checks must have agreed, or the reads saw nothing of the school.
    if (!sent.granted) throw refused();
    const reread = (statements: SqlText[]) => schoolRead<unknown[][]>(schoolId, statements);
    return { query, read: await planned.plan.result(sent.rows, reread) };
  }

  private plan(userId: string | null) {
    if (!this.planned) {
      if ("error" in this.query) this.planned = { error: this.query.error };
      else {
        try {
          this.planned = { plan: this.read!({ query: this.query.query, userId }) };
        } catch (error) {
          this.planned = { error };
        }
      }
    }
    return this.planned;
  }
}

type Opts<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, R> = SchoolOptions<B, Q, R>;

export function schoolRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R = undefined>(
  options: Opts<B, Q, R> & { auth: false },
  handler: (ctx: PublicSchoolContext<Parsed<B>, Parsed<Q>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R = undefined>(
  options: Opts<B, Q, R> & { auth: "optional"; apiKeys: false },
  handler: (ctx: PublicSchoolContext<Parsed<B>, Parsed<Q>, R> & { principal?: UserPrincipal }) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R = undefined>(
  options: Opts<B, Q, R> & { apiKeys: false },
  handler: (ctx: SchoolUserContext<Parsed<B>, Parsed<Q>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R = undefined>(
  options: Opts<B, Q, R>,
  handler: (ctx: SchoolContext<Parsed<B>, Parsed<Q>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute(
  options: Opts<z.ZodType | undefined, z.ZodType | undefined, unknown>,
  handler: (ctx: never) => Promise<Response>,
): RouteHandler {
  return instrument(async (ctx) => {
    const token = options.auth === false ? null : bearerToken(ctx.request);
    const keyHeader = options.auth === false || options.apiKeys === false || token ? null : ctx.request.headers.get("x-api-key");
    const codename = options.permission ?? (options.resource ? `${options.resource}.${actionFor(ctx.request.method)}` : null);
    const routeRead = new RouteRead(options.read as ((scope: ReadScope<unknown>) => ReadPlan<unknown>) | undefined, ctx.url, options.query);
    let school: School;
    let principal: Principal | undefined;
    let sent: { rows: unknown[][]; granted: boolean } | null = null;
    let parsedBody: { value: unknown } | undefined;
    if (token) {
      // School, session, user, permissions — and the route's read — in one round trip (the hot
      // path). The read is planned once the signature is verified: for the token's subject.
      ({ school, principal, ...sent } = await authenticateSchoolBearer(ctx.request, token, {
        permission: codename,
        reads: (claims) => routeRead.statements(claims.sub),
        beforePasswordChange: options.beforePasswordChange,
        beforeMfaEnrolment: options.beforeMfaEnrolment,
      }));
    } else if (keyHeader !== null) {
      ({ school, principal, ...sent } = await authenticateSchoolApiKey(ctx.request, keyHeader, {
        permission: codename,
        reads: routeRead.statements(null),
      }));
    } else {
      ({ school, body: parsedBody } = await resolveSchool(ctx.request, options));
      assertActive(school);
      if (options.auth !== false && options.auth !== "optional") throw notAuthenticated();
    }
    if (codename) await assertPermission(principal!, codename, school.id);
    const userId = principal?.kind === "user" ? principal.user.id : null;
    const { query, read } = await routeRead.result(school.id, userId, sent, token ? tokenRefused : keyRefused);
    const body = parsedBody ? parsedBody.value : await parseBody(ctx.request, options.body);
    return (handler as (c: SchoolContext<unknown, unknown, unknown>) => Promise<Response>)({
      ...ctx,
      body,
      query,
      school,
      principal: principal!,
      read,
    });
  });
}
