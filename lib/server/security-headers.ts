// Headers every answer carries, set by our HTTP server (scripts/server.ts) before Next.js writes
// its own, so API answers, pages, static files and the server's own refusals all have them.
// Pages get their own Content-Security-Policy (with a nonce) from middleware.ts, which replaces
// the API's strict one set here.
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/content-security-policy";

/** Two years, subdomains included: every school's host is served by this same app, over https. */
const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
    // Only over https: a browser ignores it over http, and sending it there would claim what we do not serve.
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}
