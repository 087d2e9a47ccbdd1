// What every handler knows about its request: id, origin (address, user agent) and params.
import { randomUUID } from "node:crypto";

/** Where a request came from, as the audit trail and the sessions list record it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface RequestContext {
  request: Request;
  url: URL;
  requestId: string;
  origin: RequestOrigin;
  params: Record<string, string>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The origin of a request by its headers (route handlers, pages, server actions, next-auth). The
 * client address is the one our HTTP server (scripts/server.ts) resolved into `x-sms-client-ip`
 * from the socket — or from the X-Forwarded-For hop named by SMS_TRUSTED_PROXIES — after deleting
 * any value the client sent. Without that server in this process (a bare `next start`) the header
 * cannot be trusted, and the address is unknown.
 */
export function originOf(headers: { get(name: string): string | null }): RequestOrigin {
  const trusted = Boolean((globalThis as { __smsServer?: boolean }).__smsServer);
  return {
    ip: trusted ? headers.get("x-sms-client-ip") : null,
    userAgent: headers.get("user-agent"),
    requestId: headers.get("x-request-id"),
  };
}

/**
 * The URL the client asked for: its own host (Next.js builds request.url from the server's
 * configured host, which would send a school's pagination links to the platform host) and, behind
 * a trusted proxy, its scheme (`x-sms-proto`, set by scripts/server.ts only). The host is one this
 * server serves: a school route refuses unknown hosts, a system route every non-platform one.
 */
function requestedUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  if (host) url.host = host; // an unparsable value leaves it as it was
  const proto = request.headers.get("x-sms-proto");
  if (proto === "https" || proto === "http") url.protocol = `${proto}:`;
  return url;
}

export function buildContext(request: Request, params: Record<string, string | string[]> | undefined): RequestContext {
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) flat[k] = Array.isArray(v) ? v.join("/") : v;
  return {
    request,
    url: requestedUrl(request),
    requestId,
    origin: { ...originOf(request.headers), requestId },
    params: flat,
  };
}
