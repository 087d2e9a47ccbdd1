// Success responses. API answers are never cached: most carry tokens or tenant data.

/** A body that is already JSON text (e.g. lib/http/pagination.ts JsonPage). */
interface JsonText {
  toJsonText(): string;
}

function isJsonText(body: unknown): body is JsonText {
  return typeof (body as JsonText | null)?.toJsonText === "function";
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(isJsonText(body) ? body.toJsonText() : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/** 202: taken in; what follows happens later (a message to deliver). */
export function accepted(body: unknown): Response {
  return ok(body, 202);
}
