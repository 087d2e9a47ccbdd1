// The request pipeline: one wrapper per audience, so a route cannot forget a check.
//
//   export const { GET, POST, ... } = endpoint({
//     POST: systemRoute({ auth: false, body: LoginBody }, async ({ body, origin }) => ok(...)),
//   });
//
// Each wrapper: checks the host, resolves and checks the tenant (school), authenticates, parses
// the body with zod, runs the handler, and maps anything thrown to the contract's error shape.
import type { z } from "zod";
import { log } from "@/lib/log";
import { env } from "@/lib/env";
import { ApiError, toResponse } from "@/lib/http/errors";
import { readJsonObject } from "@/lib/http/body";
import { queryTextError } from "@/lib/http/query-text";
import { buildContext, type RequestContext } from "@/lib/http/request-context";
import { classifyHost } from "@/lib/tenancy/hosts";
import { assertActive, tenantById, tenantErrors, tenantFromRequest, type Tenant } from "@/lib/tenancy/resolve-tenant";
import { authenticateAccessToken, bearerToken, type UserPrincipal } from "@/lib/auth/authenticate";
import { authenticateSchoolBearer } from "@/lib/auth/authenticate-school-bearer";
import { assertPlatformAccess, type PlatformAccess } from "@/lib/platform/policy";
import { authenticateSchoolApiKey } from "@/lib/api-keys/authenticate-api-key";
import { actionFor, assertPermission, type SchoolPrincipal } from "@/lib/rbac/permissions";
import type { Codename, Resource } from "@/lib/rbac/catalogue";
import { runPlan, tenantRead, type SqlText, type TenantReadPlan } from "@/lib/db/tenant-script";

type RouteArgs = { params?: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>;

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

function instrument(run: (ctx: RequestContext) => Promise<Response>): RouteHandler {
  return async (request, args) => {
    const started = performance.now();
    const ctx = buildContext(request, args?.params ? await args.params : undefined);
    let response: Response;
    try {
      response = await run(ctx);
    } catch (error) {
      response = toResponse(error, ctx.requestId);
    }
    response.headers.set("x-request-id", ctx.requestId);
    log.info({
      request_id: ctx.requestId, method: request.method, path: ctx.url.pathname, status: response.status,
      ms: Math.round(performance.now() - started), ip: ctx.origin.ip,
    }, "request");
    return response;
  };
}

async function parseBody<S extends z.ZodType | undefined>(request: Request, schema: S): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  if (!schema) return undefined as never;
  const raw = await readJsonObject(request);
  return schema.parse(raw) as never;
}

function notAuthenticated(): ApiError {
  return new ApiError(401, "not_authenticated", "Authentication credentials were not provided.");
}

// ---------------------------------------------------------------------------------------------
// System API: platform host only, platform users only, never API keys.

/** `true` (default): credentials required; `false`: none read; "optional": used when sent. */
type AuthMode = boolean | "optional";

interface SystemOptions<B extends z.ZodType | undefined> {
  auth?: AuthMode;
  body?: B;
  /** Default: `read` for GET/HEAD, `write` otherwise (see lib/platform/policy.ts). */
  access?: PlatformAccess;
}

export interface SystemContext<B> extends RequestContext {
  body: B;
  principal: UserPrincipal;
}
export interface PublicSystemContext<B> extends RequestContext {
  body: B;
}

export function systemRoute<B extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B> & { auth: false },
  handler: (ctx: PublicSystemContext<B extends z.ZodType ? z.output<B> : undefined>) => Promise<Response>,
): RouteHandler;
export function systemRoute<B extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B> & { auth: "optional" },
  handler: (ctx: PublicSystemContext<B extends z.ZodType ? z.output<B> : undefined> & { principal?: UserPrincipal }) => Promise<Response>,
): RouteHandler;
export function systemRoute<B extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B>,
  handler: (ctx: SystemContext<B extends z.ZodType ? z.output<B> : undefined>) => Promise<Response>,
): RouteHandler;
export function systemRoute(options: SystemOptions<z.ZodType | undefined>, handler: (ctx: never) => Promise<Response>): RouteHandler {
  return instrument(async (ctx) => {
    if (classifyHost(ctx.request.headers.get("host"), env().SMS_ROOT_DOMAIN).kind !== "platform") {
      throw ApiError.notFound(); // the system API does not exist on tenant hosts
    }
    let principal: UserPrincipal | undefined;
    const token = options.auth === false ? null : bearerToken(ctx.request);
    if (token) {
      principal = await authenticateAccessToken(token, "system", null);
    } else if (options.auth !== false && options.auth !== "optional") {
      if (ctx.request.headers.has("x-api-key")) {
        throw new ApiError(401, "not_authenticated", "API keys do not authenticate the system API; use a Bearer token.");
      }
      throw notAuthenticated();
    }
    if (principal) {
      const method = ctx.request.method;
      assertPlatformAccess(principal.user, options.access ?? (method === "GET" || method === "HEAD" ? "read" : "write"));
    }
    const badQuery = queryTextError(ctx.url);
    if (badQuery) throw badQuery;
    const body = await parseBody(ctx.request, options.body);
    return (handler as (c: SystemContext<unknown>) => Promise<Response>)({ ...ctx, body, principal: principal! });
  });
}

// ---------------------------------------------------------------------------------------------
// School API: a tenant from host / X-Tenant / token, active, and credentials of that tenant.

/** What a route's read may depend on before the request is authenticated. */
export interface ReadScope {
  url: URL;
  /** The user the credentials name (the token's subject), null for an API key or no credentials. */
  userId: string | null;
}

interface SchoolOptions<B extends z.ZodType | undefined, R = undefined> {
  auth?: AuthMode;
  body?: B;
  /** Accept X-API-KEY as well as a Bearer token (default). The auth endpoints are for users only. */
  apiKeys?: boolean;
  /** The resource whose permission (`<resource>.<action of the method>`) the caller must hold. */
  resource?: Resource;
  /** A fixed codename instead (e.g. role assignments: creating one is `roles.change`). */
  permission?: Codename;
  /**
   * The route's tenant read, declared up front: with a Bearer token it travels in the same
   * database message as the authentication query (the hot path: one round trip per request), and
   * its result reaches the handler as `read` only after authentication and permission passed.
   */
  read?: (scope: ReadScope) => TenantReadPlan<R>;
  /**
   * For routes whose credential travels in the body (refresh, logout): the school that credential
   * belongs to, when the request itself names none (API.md §2, last resort: the token's tenant).
   * The body is parsed and the credential verified first; an unverifiable one throws its own error.
   */
  tenantOfBody?: (body: B extends z.ZodType ? z.output<B> : undefined) => Promise<string>;
}

export interface PublicSchoolContext<B, R = undefined> extends RequestContext {
  body: B;
  tenant: Tenant;
  /** The result of the route's `read`. */
  read: R;
}
export interface SchoolContext<B, R = undefined> extends PublicSchoolContext<B, R> {
  principal: SchoolPrincipal;
}
export interface SchoolUserContext<B, R = undefined> extends PublicSchoolContext<B, R> {
  principal: UserPrincipal;
}

/**
 * The school of a request without credentials: host, else X-Tenant, else (for a credential in the
 * body) that credential's own school. Returns the body too when it had to be parsed for that.
 */
async function resolveSchoolTenant(
  request: Request,
  options: SchoolOptions<z.ZodType | undefined, unknown>,
): Promise<{ tenant: Tenant; body?: { value: unknown } }> {
  const tenant = await tenantFromRequest(request);
  if (tenant) return { tenant };
  if (!options.tenantOfBody) throw tenantErrors.required();
  const body = await parseBody(request, options.body);
  const named = await tenantById(await options.tenantOfBody(body as never));
  if (!named) throw tokenRefused(); // its school is gone: the credential with it
  return { tenant: named, body: { value: body } };
}

type SchoolBody<B> = B extends z.ZodType ? z.output<B> : undefined;

/**
 * A route's `read`, planned at most once. The plan is made before anyone is authenticated (so it
 * can travel with the authentication statement), but its errors — a bad query parameter — must
 * not answer before a missing credential or permission does: they wait for `result`.
 */
class RouteRead {
  private planned?: { plan: TenantReadPlan<unknown> } | { error: unknown };

  /** A query string that must not reach SQL: nothing is planned, and it answers after the checks. */
  private readonly badQuery: ApiError | null;

  constructor(private readonly read: ((scope: ReadScope) => TenantReadPlan<unknown>) | undefined, private readonly url: URL) {
    this.badQuery = queryTextError(url);
  }

  /** The statements to send with the authentication statement (none: no read, or no plan). */
  statements(userId: string | null): SqlText[] {
    if (!this.read) return [];
    const planned = this.plan(userId);
    return "plan" in planned ? planned.plan.statements : [];
  }

  /**
   * The read's result, once the request is authenticated and authorised: from the rows that came
   * with the authentication statement when it carried the read, else read now.
   */
  async result(tenantId: string, userId: string | null, sent: { rows: unknown[][]; granted: boolean } | null, refused: () => ApiError): Promise<unknown> {
    if (this.badQuery) throw this.badQuery;
    if (!this.read) return undefined;
    const carried = this.planned !== undefined && sent !== null;
    const planned = this.plan(userId);
    if ("error" in planned) throw planned.error;
    const reread = (statements: SqlText[]) => tenantRead<unknown[][]>(tenantId, statements);
    if (!carried) return runPlan(tenantId, planned.plan);
    // The SQL side of the checks must have agreed, or the reads saw nothing of the school.
    if (!sent.granted) throw refused();
    return planned.plan.result(sent.rows, reread);
  }

  private plan(userId: string | null) {
    if (!this.planned && this.badQuery) this.planned = { error: this.badQuery };
    if (!this.planned) {
      try {
        this.planned = { plan: this.read!({ url: this.url, userId }) };
      } catch (error) {
        this.planned = { error };
      }
    }
    return this.planned;
  }
}

const tokenRefused = () => new ApiError(401, "token_not_valid", "Token is invalid or expired.");
const keyRefused = () => new ApiError(401, "api_key_not_valid", "API key is invalid, revoked or expired.");

export function schoolRoute<B extends z.ZodType | undefined = undefined, R = undefined>(
  options: SchoolOptions<B, R> & { auth: false },
  handler: (ctx: PublicSchoolContext<SchoolBody<B>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, R = undefined>(
  options: SchoolOptions<B, R> & { auth: "optional"; apiKeys: false },
  handler: (ctx: PublicSchoolContext<SchoolBody<B>, R> & { principal?: UserPrincipal }) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, R = undefined>(
  options: SchoolOptions<B, R> & { apiKeys: false },
  handler: (ctx: SchoolUserContext<SchoolBody<B>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined, R = undefined>(
  options: SchoolOptions<B, R>,
  handler: (ctx: SchoolContext<SchoolBody<B>, R>) => Promise<Response>,
): RouteHandler;
export function schoolRoute(options: SchoolOptions<z.ZodType | undefined, unknown>, handler: (ctx: never) => Promise<Response>): RouteHandler {
  return instrument(async (ctx) => {
    const token = options.auth === false ? null : bearerToken(ctx.request);
    const keyHeader = options.auth === false || options.apiKeys === false || token ? null : ctx.request.headers.get("x-api-key");
    const codename = options.permission ?? (options.resource ? `${options.resource}.${actionFor(ctx.request.method)}` : null);
    const routeRead = new RouteRead(options.read, ctx.url);
    let tenant: Tenant;
    let principal: SchoolPrincipal | undefined;
    let sent: { rows: unknown[][]; granted: boolean } | null = null;
    let parsedBody: { value: unknown } | undefined;
    if (token) {
      // School, session, user, permissions — and the route's read — in one round trip (the hot
      // path). The read is planned once the signature is verified: for the token's subject.
      ({ tenant, principal, ...sent } = await authenticateSchoolBearer(ctx.request, token, {
        permission: codename,
        reads: (claims) => routeRead.statements(claims.sub),
      }));
    } else if (keyHeader !== null) {
      ({ tenant, principal, ...sent } = await authenticateSchoolApiKey(ctx.request, keyHeader, {
        permission: codename,
        reads: routeRead.statements(null),
      }));
    } else {
      ({ tenant, body: parsedBody } = await resolveSchoolTenant(ctx.request, options));
      assertActive(tenant);
      if (options.auth !== false && options.auth !== "optional") throw notAuthenticated();
    }
    if (codename) await assertPermission(principal!, codename, tenant.id);
    const userId = principal?.kind === "user" ? principal.user.id : null;
    const read = await routeRead.result(tenant.id, userId, sent, token ? tokenRefused : keyRefused);
    const body = parsedBody ? parsedBody.value : await parseBody(ctx.request, options.body);
    return (handler as (c: SchoolContext<unknown, unknown>) => Promise<Response>)({ ...ctx, body, tenant, principal: principal!, read });
  });
}

// ---------------------------------------------------------------------------------------------
// Public, tenant-less endpoints (health, JWKS, OpenAPI).

export function publicRoute(handler: (ctx: RequestContext) => Promise<Response>): RouteHandler {
  return instrument(handler);
}

/**
 * The complete method table of a route file: unimplemented methods answer the contract's 405
 * (with `Allow`) instead of Next.js's bare one, and HEAD follows GET.
 */
export function endpoint(handlers: Partial<Record<Exclude<Method, "HEAD">, RouteHandler>>): Record<Method, RouteHandler> {
  const allowed = Object.keys(handlers) as Method[];
  if (handlers.GET) allowed.push("HEAD");
  const refuse: RouteHandler = instrument(async (ctx) => {
    throw new ApiError(405, "method_not_allowed", `Method "${ctx.request.method}" not allowed.`, {
      headers: { allow: allowed.join(", ") },
    });
  });
  const table = {} as Record<Method, RouteHandler>;
  for (const method of METHODS) {
    table[method] = (method === "HEAD" ? handlers.GET : handlers[method as Exclude<Method, "HEAD">]) ?? refuse;
  }
  return table;
}
