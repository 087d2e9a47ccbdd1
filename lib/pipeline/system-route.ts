// The system API's pipeline: platform host only, platform users only, never API keys.
//
//   GET: systemRoute({ query: SchoolListQuery }, async ({ query, url }) => ok(pageBody(url, await listSchools(query)))),
//
// Host (404 elsewhere), Bearer token, platform role (`access`), query, body — in that order — then
// the handler; anything thrown becomes the contract's error shape.
import type { z } from "zod";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { RequestContext } from "@/lib/http/request-context";
import { classifyHost } from "@/lib/schools/hosts";
import { authenticateAccessToken, bearerToken } from "@/lib/auth/authenticate";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { assertPlatformAccess, type PlatformAccess } from "@/lib/platform/policy";
import {
  instrument,
  notAuthenticated,
  parseBody,
  parseQuery,
  type AuthMode,
  type Parsed,
  type RouteHandler,
} from "@/lib/pipeline/endpoint";

interface SystemOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  auth?: AuthMode;
  body?: B;
  /** The list's query schema (lib/http/query.ts): parsed, or a 400 naming the parameter. */
  query?: Q;
  /** Default: `read` for GET/HEAD, `write` otherwise (see lib/platform/policy.ts). */
  access?: PlatformAccess;
  /** Reachable by a user who must change their password first (auth/password, me, logout); no other route is. */
  beforePasswordChange?: boolean;
  /** Reachable by a platform user the two-factor policy holds to enrol first (auth/mfa/totp, me, password, logout). */
  beforeMfaEnrolment?: boolean;
}

export interface PublicSystemContext<B, Q = undefined> extends RequestContext {
  body: B;
  query: Q;
}
export interface SystemContext<B, Q = undefined> extends PublicSystemContext<B, Q> {
  principal: UserPrincipal;
}

export function systemRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B, Q> & { auth: false },
  handler: (ctx: PublicSystemContext<Parsed<B>, Parsed<Q>>) => Promise<Response>,
): RouteHandler;
export function systemRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B, Q> & { auth: "optional" },
  handler: (ctx: PublicSystemContext<Parsed<B>, Parsed<Q>> & { principal?: UserPrincipal }) => Promise<Response>,
): RouteHandler;
export function systemRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: SystemOptions<B, Q>,
  handler: (ctx: SystemContext<Parsed<B>, Parsed<Q>>) => Promise<Response>,
): RouteHandler;
export function systemRoute(
  options: SystemOptions<z.ZodType | undefined, z.ZodType | undefined>,
  handler: (ctx: never) => Promise<Response>,
): RouteHandler {
  return instrument(async (ctx) => {
    if (classifyHost(ctx.request.headers.get("host"), env().SMS_ROOT_DOMAIN).kind !== "platform") {
      throw ApiError.notFound(); // the system API does not exist on a school's host
    }
    let principal: UserPrincipal | undefined;
    const token = options.auth === false ? null : bearerToken(ctx.request);
    if (token) {
      principal = await authenticateAccessToken(token, "system", null, {
        beforePasswordChange: options.beforePasswordChange,
        beforeMfaEnrolment: options.beforeMfaEnrolment,
      });
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
    const parsed = parseQuery(ctx.url, options.query);
    if ("error" in parsed) throw parsed.error;
    const body = await parseBody(ctx.request, options.body);
    return (handler as (c: SystemContext<unknown, unknown>) => Promise<Response>)({
      ...ctx,
      body,
      query: parsed.query,
      principal: principal!,
    });
  });
}
