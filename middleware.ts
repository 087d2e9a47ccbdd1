// Host → pages. The platform host (SMS_ROOT_DOMAIN) serves the console pages as they are; a
// tenant host (`<slug>.<root>` or a custom domain) is rewritten into the school pages under
// /s/<host>/…, which resolve the tenant in Node. Runs on the edge runtime, so it stays pure (no
// database), and only on page paths: API routes do their own host handling in the pipeline.
// It tells the pages the path the user asked for (x-sms-path), and gives every page its Content-Security-Policy with a fresh nonce, which Next.js reads
// from the request's header and puts on the scripts it renders.
import { NextResponse, type NextRequest } from "next/server";
import { classifyHost } from "@/lib/schools/hosts";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";

const TENANT_HOST_HEADER = "x-sms-tenant-host";
/** The path and query the user asked for (before any rewrite): sign-in sends them back to it. */
const PATH_HEADER = "x-sms-path";

export function middleware(request: NextRequest) {
  const host = classifyHost(request.headers.get("host"), process.env.SMS_ROOT_DOMAIN || "localhost");
  const headers = new Headers(request.headers);
  headers.delete(TENANT_HOST_HEADER); // ours alone: never trust a client's copy
  const { pathname, search } = request.nextUrl;
  headers.set(PATH_HEADER, `${pathname}${search}`);
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);

  let response: NextResponse;
  if (host.kind === "platform") {
    // The school pages are reachable only through a tenant host: here they are the branded 404
    // (a path no route matches).
    if (pathname === "/s" || pathname.startsWith("/s/")) {
      const url = request.nextUrl.clone();
      url.pathname = "/school-pages-are-not-served-here";
      url.search = "";
      response = NextResponse.rewrite(url, { request: { headers } });
    } else response = NextResponse.next({ request: { headers } });
  } else {
    headers.set(TENANT_HOST_HEADER, host.host);
    const url = request.nextUrl.clone();
    url.pathname = `/s/${encodeURIComponent(host.host)}${pathname === "/" ? "" : pathname}`;
    url.search = search;
    response = NextResponse.rewrite(url, { request: { headers } });
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|\\.well-known/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
