// The server's own answer while the database is down (lib/db/availability.ts): a 503 with
// Retry-After, in the contract's error shape for the API and as a small page for browsers.
import type { ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS, databaseDown } from "@/lib/db/availability";

const DETAIL = "The service is temporarily unavailable. Try again shortly.";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · SMS platform</title></head>
<body style="font-family: system-ui, sans-serif; margin: 0; color: #0f172a; background: #f8fafc">
<main style="max-width: 36rem; margin: 4rem auto; padding: 0 1.5rem">
<h1 style="font-size: 1.5rem">Temporarily unavailable</h1>
<p>The service cannot reach its database right now. Nothing you did caused this. Please try again in a few seconds.</p>
</main></body></html>`;

export function answerUnavailable(res: ServerResponse, asJson: boolean): void {
  const body = asJson ? JSON.stringify({ detail: DETAIL, code: "service_unavailable" }) : PAGE;
  res.writeHead(503, {
    "content-type": asJson ? "application/json" : "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    "content-length": Buffer.byteLength(body),
    // The inline styles above are the page's only content: no script, nothing else to load.
    ...(asJson ? {} : { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" }),
  });
  res.end(body);
}

/**
 * A page or route that failed because the database went away is answered 503, not 500: Next.js
 * renders the failure as a 500 before we can see why, so its status is corrected as it is written,
 * when the failure has marked the database down. A 500 with the database up stays a 500 (a bug).
 */
export function outagesAs503(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && databaseDown()) {
      this.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
      const headers = typeof rest[0] === "string" ? rest.slice(1) : rest; // drop a reason phrase that says 500
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, 503, ...headers);
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
}
