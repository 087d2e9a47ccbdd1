// What every route of every audience shares: the request context, the mapping of anything thrown
// to the contract's error shape, the request log line, body and query parsing, and `endpoint()`,
// the complete method table of a route file.
import type { z } from "zod";
import { log } from "@/lib/log";
import { ApiError } from "@/lib/http/api-error";
import { toResponse } from "@/lib/http/errors";
import { readJsonObject } from "@/lib/http/body";
import { queryObject } from "@/lib/http/query";
import { queryTextError } from "@/lib/http/query-text";
import { buildContext, type RequestContext } from "@/lib/http/request-context";

type RouteArgs = { params?: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>;

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** `true` (default): credentials required; `false`: none read; "optional": used when sent. */
export type AuthMode = boolean | "optional";

/** The output of an optional schema: what a route's `body` or `query` is once parsed. */
export type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export function instrument(run: (ctx: RequestContext) => Promise<Response>): RouteHandler {
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
    log.info(
      {
        request_id: ctx.requestId,
        method: request.method,
        path: ctx.url.pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
        ip: ctx.origin.ip,
      },
      "request",
    );
    return response;
  };
}

export async function parseBody<S extends z.ZodType | undefined>(request: Request, schema: S): Promise<Parsed<S>> {
  if (!schema) return undefined as never;
  const raw = await readJsonObject(request);
  return schema.parse(raw) as never;
}

/**
 * The query string, parsed by the route's schema — or the error it deserves, for the caller to
 * answer once the credentials and the permission were checked (a bad query must not tell an
 * unauthenticated caller anything). Control characters are refused in every parameter, declared
 * or not: none of them may reach SQL.
 */
export function parseQuery<Q extends z.ZodType | undefined>(url: URL, schema: Q): { query: Parsed<Q> } | { error: unknown } {
  const bad = queryTextError(url);
  if (bad) return { error: bad };
  if (!schema) return { query: undefined as never };
  const parsed = schema.safeParse(queryObject(url.searchParams));
  return parsed.success ? { query: parsed.data as never } : { error: parsed.error };
}

export function notAuthenticated(): ApiError {
  return new ApiError(401, "not_authenticated", "Authentication credentials were not provided.");
}

/** Public, tenant-less endpoints (health, JWKS, OpenAPI). */
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
