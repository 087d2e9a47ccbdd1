// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
// answers (zod-openapi). Every route file under app/api/v1 must appear here: a test walks the
// route tree and checks.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { LoginBody } from "@/lib/auth/login";
import { LogoutBody, PasswordChangeBody, RefreshBody, SchoolLoginOut, SystemLoginOut, TokenPairOut } from "@/lib/auth/auth-schemas";
import { SchoolProfile } from "@/lib/school/profile";
import { UserOut } from "@/lib/users/user-schemas";

export const ErrorOut = z
  .object({
    detail: z.string().describe("Human-readable sentence"),
    code: z.string().describe("Machine code, e.g. invalid, token_not_valid, throttled"),
    errors: z.record(z.string(), z.array(z.string())).optional().describe("Field errors (code invalid)"),
  })
  .meta({ id: "Error" });

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ErrorOut) });

const common = {
  "400": error("Invalid body, query or tenant"),
  "413": error("Body over 1 MiB"),
  "415": error("Body is not JSON"),
};

function op(o: {
  summary: string; tags: string[]; body?: z.ZodType; ok?: { status: string; schema?: z.ZodType; description: string };
  secured?: boolean; extra?: Record<string, { description: string }>; tenant?: boolean;
}): ZodOpenApiOperationObject {
  const responses: Record<string, object> = {};
  if (o.ok) responses[o.ok.status] = o.ok.schema ? { description: o.ok.description, ...json(o.ok.schema) } : { description: o.ok.description };
  Object.assign(responses, o.body ? common : {}, { "401": error("Missing or invalid credentials") });
  if (o.tenant) Object.assign(responses, { "403": error("Permission denied or tenant suspended"), "404": error("Unknown tenant host or X-Tenant") });
  for (const [status, r] of Object.entries(o.extra ?? {})) responses[status] = error(r.description);
  return {
    summary: o.summary,
    tags: o.tags,
    ...(o.secured ? { security: [{ bearer: [] }] } : { security: [] }),
    ...(o.tenant ? { parameters: [{ name: "X-Tenant", in: "header", required: false, description: "School slug, when calling from the platform host", schema: { type: "string" } }] } : {}),
    ...(o.body ? { requestBody: { required: true, ...json(o.body) } } : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

function authPaths(audience: "system" | "school"): ZodOpenApiPathsObject {
  const base = `/api/v1/${audience}/auth`;
  const tags = [audience === "system" ? "System auth" : "School auth"];
  const tenant = audience === "school";
  return {
    [`${base}/login/`]: {
      post: op({
        summary: audience === "system" ? "Platform user login" : "School staff login", tags, tenant, body: LoginBody,
        ok: { status: "200", schema: audience === "system" ? SystemLoginOut : SchoolLoginOut, description: "Token pair and user" },
        extra: { "403": { description: audience === "system" ? "A school user (right password)" : "A platform user (right password), or a suspended school" }, "429": { description: "Too many failed logins (Retry-After)" } },
      }),
    },
    [`${base}/me/`]: {
      get: op({ summary: "The signed-in user", tags, tenant, secured: true, ok: { status: "200", schema: audience === "system" ? UserOut : SchoolProfile, description: "The user" } }),
    },
    [`${base}/refresh/`]: {
      post: op({ summary: "Rotate a refresh token", tags, tenant, body: RefreshBody, ok: { status: "200", schema: TokenPairOut, description: "A new pair; the old refresh token is spent" } }),
    },
    [`${base}/logout/`]: {
      post: op({ summary: "Revoke one session, or all of mine", tags, tenant, body: LogoutBody, ok: { status: "204", description: "Revoked" } }),
    },
    [`${base}/password/`]: {
      post: op({ summary: "Change my password (revokes every session)", tags, tenant, secured: true, body: PasswordChangeBody, ok: { status: "204", description: "Changed" }, extra: { "429": { description: "Too many wrong old passwords" } } }),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "SMS platform API",
      version: "1.0.0",
      description: "Multi-tenant School Management System: platform (system) and school APIs. Paths accept an optional trailing slash. Errors are {detail, code, errors?}.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT (ES256)" },
        apiKey: { type: "apiKey", in: "header", name: "X-API-KEY" },
      },
    },
    paths: {
      ...authPaths("system"),
      ...authPaths("school"),
      "/api/health": {
        get: { summary: "Health (database round trip)", tags: ["Operations"], security: [], responses: { "200": { description: "Up", ...json(z.object({ status: z.literal("ok") })) }, "503": { description: "Database unreachable" } } },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", tags: ["Operations"], security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
      "/.well-known/jwks.json": {
        get: { summary: "Public keys (JWK Set) that verify the platform's JWTs", tags: ["Operations"], security: [], responses: { "200": { description: "JWK Set" } } },
      },
    },
  });
  return cached;
}
