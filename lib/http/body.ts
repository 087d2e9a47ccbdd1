// Reading a request body under the contract's rules: JSON only (415 otherwise), at most 1 MiB
// (413, checked while streaming so a lying Content-Length cannot get past it), a JSON object
// (400 otherwise), and no NUL characters anywhere (PostgreSQL text cannot hold them; DRF refuses
// them too). An empty body counts as `{}` so that missing fields get field errors, as in DRF.
import { ApiError } from "@/lib/http/api-error";

export const MAX_BODY_BYTES = 1024 * 1024;

function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const mediaType = value.split(";")[0].trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

async function readLimited(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that goes away mid-body (a reset connection) leaves nothing to answer: not a 500.
    const { done, value } = await reader.read().catch(() => {
      throw unreadable();
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function unreadable(): ApiError {
  return new ApiError(400, "invalid", "The request body could not be read.");
}

function tooLarge(): ApiError {
  return new ApiError(413, "too_large", `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
}

/**
 * The path of the first string (or key) holding a NUL character. Iterative: a hostile body nested
 * 100,000 levels deep must be a 400, not a stack overflow.
 */
function findNul(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path || "non_field_errors";
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, path: path ? `${path}.${i}` : String(i) });
      });
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes("\u0000")) return path || "non_field_errors";
        stack.push({ value: v, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}

/** Parses the body as a JSON object (or `{}` when empty). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readLimited(request);
  if (bytes.byteLength === 0) return {};
  if (!isJsonContentType(request.headers.get("content-type"))) {
    const given = request.headers.get("content-type");
    throw new ApiError(
      415,
      "unsupported_media_type",
      given ? `Unsupported media type "${given.slice(0, 100)}" in request.` : "Missing Content-Type: send application/json.",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ApiError(400, "invalid", `JSON parse error - ${(error as Error).message.slice(0, 200)}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError(400, "invalid", "Expected a JSON object.", { errors: { non_field_errors: ["Expected a JSON object."] } });
  }
  const nulAt = findNul(parsed);
  if (nulAt !== null) throw ApiError.invalid({ [nulAt]: ["Null characters are not allowed."] });
  return parsed as Record<string, unknown>;
}
