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
import { buildContext, type RequestContext } from "@/lib/http/request-context";
import { classifyHost } from "@/lib/tenancy/hosts";
import { assertActive, tenantById, tenantFromRequest, type Tenant } from "@/lib/tenancy/resolve-tenant";
import { authenticateAccessToken, bearerToken, type UserPrincipal } from "@/lib/auth/authenticate";
import { authenticateSchoolBearer } from "@/lib/auth/authenticate-school-bearer";
import { assertPlatformAccess, type PlatformAccess } from "@/lib/platform/policy";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { actionFor, assertPermission, type SchoolPrincipal } from "@/lib/rbac/permissions";
import type { Codename, Resource } from "@/lib/rbac/catalogue";

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
    const body = await parseBody(ctx.request, options.body);
    return (handler as (c: SystemContext<unknown>) => Promise<Response>)({ ...ctx, body, principal: principal! });
  });
}

// ---------------------------------------------------------------------------------------------
// School API: a tenant from host / X-Tenant / token, active, and credentials of that tenant.

interface SchoolOptions<B extends z.ZodType | undefined> {
  auth?: AuthMode;
  body?: B;
  /** Accept X-API-KEY as well as a Bearer token (default). The auth endpoints are for users only. */
  apiKeys?: boolean;
  /** The resource whose permission (`<resource>.<action of the method>`) the caller must hold. */
  resource?: Resource;
  /** A fixed codename instead (e.g. role assignments: creating one is `roles.change`). */
  permission?: Codename;
}

export interface PublicSchoolContext<B> extends RequestContext {
  body: B;
  tenant: Tenant;
}
export interface SchoolContext<B> extends PublicSchoolContext<B> {
  principal: SchoolPrincipal;
}
export interface SchoolUserContext<B> extends PublicSchoolContext<B> {
  principal: UserPrincipal;
}

/** The school of a request without a Bearer token: host, else X-Tenant, else a bound API key's school. */
async function resolveSchoolTenant(request: Request, apiKey: string | null): Promise<Tenant> {
  const fromRequest = await tenantFromRequest(request);
  if (fromRequest) return fromRequest;
  if (apiKey) {
    // A key bound to one school names that school; a global key needs a host or X-Tenant.
    const key = await authenticateApiKey(apiKey, null);
    const tenant = key.clientId ? await tenantById(key.clientId) : null;
    if (tenant) return tenant;
  }
  throw new ApiError(400, "tenant_required", "No school given: use the school's address or the X-Tenant header.");
}

type SchoolBody<B> = B extends z.ZodType ? z.output<B> : undefined;

export function schoolRoute<B extends z.ZodType | undefined = undefined>(
  options: SchoolOptions<B> & { auth: false },
  handler: (ctx: PublicSchoolContext<SchoolBody<B>>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined>(
  options: SchoolOptions<B> & { auth: "optional"; apiKeys: false },
  handler: (ctx: PublicSchoolContext<SchoolBody<B>> & { principal?: UserPrincipal }) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined>(
  options: SchoolOptions<B> & { apiKeys: false },
  handler: (ctx: SchoolUserContext<SchoolBody<B>>) => Promise<Response>,
): RouteHandler;
export function schoolRoute<B extends z.ZodType | undefined = undefined>(
  options: SchoolOptions<B>,
  handler: (ctx: SchoolContext<SchoolBody<B>>) => Promise<Response>,
): RouteHandler;
export function schoolRoute(options: SchoolOptions<z.ZodType | undefined>, handler: (ctx: never) => Promise<Response>): RouteHandler {
  return instrument(async (ctx) => {
    const token = options.auth === false ? null : bearerToken(ctx.request);
    const keyHeader = options.auth === false || options.apiKeys === false || token ? null : ctx.request.headers.get("x-api-key");
    let tenant: Tenant;
    let principal: SchoolPrincipal | undefined;
    if (token) {
      // School, session, user and permissions in one round trip (the hot path).
      ({ tenant, principal } = await authenticateSchoolBearer(ctx.request, token));
    } else {
      tenant = await resolveSchoolTenant(ctx.request, keyHeader);
      assertActive(tenant);
      if (keyHeader !== null) principal = await authenticateApiKey(keyHeader, tenant.id);
      else if (options.auth !== false && options.auth !== "optional") throw notAuthenticated();
    }
    if (options.permission || options.resource) {
      await assertPermission(principal!, options.permission ?? `${options.resource!}.${actionFor(ctx.request.method)}`, tenant.id);
    }
    const body = await parseBody(ctx.request, options.body);
    return (handler as (c: SchoolContext<unknown>) => Promise<Response>)({ ...ctx, body, tenant, principal: principal! });
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
