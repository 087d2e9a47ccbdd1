// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
// answers (zod-openapi). Every route file under app/api/v1 must appear here: a test walks the
// route tree and checks.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { LoginBody } from "@/lib/auth/login";
import { LogoutBody, PasswordChangeBody, RefreshBody, SchoolLoginOut, SystemLoginOut, TokenPairOut } from "@/lib/auth/auth-schemas";
import { SchoolProfile } from "@/lib/school/profile";
import { PlatformUserCreateBody, PlatformUserPatchBody, TenantUserCreateBody, UserOut } from "@/lib/users/user-schemas";
import { ClientCreateBody, ClientOut, ClientPatchBody } from "@/lib/platform/client-schemas";
import { ApiKeyCreateBody, ApiKeyCreatedOut, ApiKeyOut, ApiKeyPatchBody } from "@/lib/api-keys/api-key-schemas";
import { AuditEventOut } from "@/lib/audit/audit-schemas";
import { pageOf } from "@/lib/http/pagination";
import {
  AssignmentBody, AssignmentOut, ClassBody, ClassOut, ClassPatchBody, RoleBody, RoleOut, RolePatchBody,
  StaffOut, StaffPatchBody, StaffPutBody, StudentBody, StudentOut, StudentPatchBody,
} from "@/lib/school/school-schemas";

export const ErrorOut = z
  .object({
    detail: z.string().describe("Human-readable sentence"),
    code: z.string().describe("Machine code, e.g. invalid, token_not_valid, throttled"),
    errors: z.record(z.string(), z.array(z.string())).optional().describe("Field errors (code invalid)"),
  })
  .meta({ id: "Error" });

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ErrorOut) });

// Statuses the pipeline itself may answer, so every operation of that kind can: a test compares
// every status the suite provokes with this document (test/after-suite/openapi-statuses.test.ts).
const always = {
  "400": error("Invalid body or query parameter (a control character, a bad filter), or no/mismatching school (tenant_required, tenant_mismatch)"),
  "401": error("Missing or invalid credentials"),
};
const withBody = {
  "413": error("Body over 1 MiB"),
  "415": error("Body is not JSON"),
};
const outage = { "503": error("The database is unreachable: try again after Retry-After seconds") };

const ID_PARAM = { name: "id", in: "path" as const, required: true, schema: { type: "string" as const }, description: "Opaque id" };
const PAGE_PARAMS = [
  { name: "page", in: "query" as const, required: false, schema: { type: "string" as const }, description: "1-based page number" },
  { name: "page_size", in: "query" as const, required: false, schema: { type: "string" as const }, description: "Default 50, max 200" },
];
const query = (name: string, description: string) => ({ name, in: "query" as const, required: false, schema: { type: "string" as const }, description });

function op(o: {
  summary: string; tags: string[]; body?: z.ZodType; ok?: { status: string; schema?: z.ZodType; description: string };
  secured?: boolean; extra?: Record<string, { description: string }>; tenant?: boolean; keys?: boolean;
  parameters?: object[];
}): ZodOpenApiOperationObject {
  const responses: Record<string, object> = {};
  if (o.ok) responses[o.ok.status] = o.ok.schema ? { description: o.ok.description, ...json(o.ok.schema) } : { description: o.ok.description };
  Object.assign(responses, always, o.body ? withBody : {});
  if (o.tenant) Object.assign(responses, { "403": error("Permission denied or school suspended"), "404": error("Unknown school (host or X-Tenant), or no such object in this school") });
  else Object.assign(responses, { "404": error("Not the platform host (the system API exists there only), or no such object") });
  for (const [status, r] of Object.entries(o.extra ?? {})) responses[status] = error(r.description);
  Object.assign(responses, outage);
  const parameters = [
    ...(o.tenant ? [{ name: "X-Tenant", in: "header", required: false, description: "School slug, when calling from the platform host", schema: { type: "string" } }] : []),
    ...(o.parameters ?? []),
  ];
  return {
    summary: o.summary,
    tags: o.tags,
    ...(o.secured ? { security: o.keys ? [{ bearer: [] }, { apiKey: [] }] : [{ bearer: [] }] } : { security: [] }),
    ...(parameters.length ? { parameters: parameters as ZodOpenApiOperationObject["parameters"] } : {}),
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

function systemPaths(): ZodOpenApiPathsObject {
  const sys = (summary: string, tag: string, more: Partial<Parameters<typeof op>[0]> = {}) =>
    op({ summary, tags: [tag], secured: true, ...more, extra: { "403": { description: "Your platform role may not do this" }, ...more.extra } });
  return {
    "/api/v1/system/clients/": {
      get: sys("List schools", "Schools", { parameters: [...PAGE_PARAMS, query("search", "Text in name, slug or domain"), query("is_active", "true or false")], ok: { status: "200", schema: pageOf(ClientOut, "ClientPage"), description: "A page of schools" } }),
      post: sys("Create a school (seeds its default roles)", "Schools", { body: ClientCreateBody, ok: { status: "201", schema: ClientOut, description: "Created" }, extra: { "409": { description: "Slug or domain taken" } } }),
    },
    "/api/v1/system/clients/{id}/": {
      get: sys("One school", "Schools", { parameters: [ID_PARAM], ok: { status: "200", schema: ClientOut, description: "The school" } }),
      patch: sys("Change a school; {\"is_active\": false} suspends it", "Schools", { parameters: [ID_PARAM], body: ClientPatchBody, ok: { status: "200", schema: ClientOut, description: "Changed" }, extra: { "409": { description: "Slug or domain taken" } } }),
      delete: sys("Delete a school and everything it owns", "Schools", { parameters: [ID_PARAM], ok: { status: "204", description: "Deleted" } }),
    },
    "/api/v1/system/clients/{id}/users/": {
      get: sys("A school's users", "Schools", { parameters: [ID_PARAM, ...PAGE_PARAMS], ok: { status: "200", schema: pageOf(UserOut, "UserPage"), description: "A page of users" } }),
      post: sys("Create a user in a school, with roles", "Schools", { parameters: [ID_PARAM], body: TenantUserCreateBody(), ok: { status: "201", schema: UserOut, description: "Created" }, extra: { "409": { description: "Email, phone or employee number taken" } } }),
    },
    "/api/v1/system/users/": {
      get: sys("List platform users", "Platform users", { parameters: [...PAGE_PARAMS, query("search", "Text in email, phone or name"), query("platform_role", "superadmin, platform_admin or support")], ok: { status: "200", schema: pageOf(UserOut, "PlatformUserPage"), description: "A page of users" } }),
      post: sys("Create a platform user (superadmin only)", "Platform users", { body: PlatformUserCreateBody(), ok: { status: "201", schema: UserOut, description: "Created" }, extra: { "409": { description: "Email or phone taken" } } }),
    },
    "/api/v1/system/users/{id}/": {
      get: sys("One platform user", "Platform users", { parameters: [ID_PARAM], ok: { status: "200", schema: UserOut, description: "The user" } }),
      patch: sys("Change a platform user (superadmin only); is_active false or a password ends their sessions", "Platform users", { parameters: [ID_PARAM], body: PlatformUserPatchBody(), ok: { status: "200", schema: UserOut, description: "Changed" }, extra: { "409": { description: "Email or phone taken" } } }),
      delete: sys("Delete a platform user (superadmin only)", "Platform users", { parameters: [ID_PARAM], ok: { status: "204", description: "Deleted" } }),
    },
    "/api/v1/system/api-keys/": {
      get: sys("List API keys", "API keys", { parameters: [...PAGE_PARAMS, query("client", "School id, or null for global keys"), query("revoked", "true or false")], ok: { status: "200", schema: pageOf(ApiKeyOut, "ApiKeyPage"), description: "A page of keys" } }),
      post: sys("Create an API key (the key is in this answer only)", "API keys", { body: ApiKeyCreateBody, ok: { status: "201", schema: ApiKeyCreatedOut, description: "Created" } }),
    },
    "/api/v1/system/api-keys/{id}/": {
      get: sys("One API key", "API keys", { parameters: [ID_PARAM], ok: { status: "200", schema: ApiKeyOut, description: "The key (without the secret)" } }),
      patch: sys("Rename, rescope or change the expiry of a key", "API keys", { parameters: [ID_PARAM], body: ApiKeyPatchBody, ok: { status: "200", schema: ApiKeyOut, description: "Changed" } }),
      delete: sys("Revoke a key (irreversible)", "API keys", { parameters: [ID_PARAM], ok: { status: "204", description: "Revoked" } }),
    },
    "/api/v1/system/audit/": {
      get: sys("The audit trail, newest first", "Audit", {
        parameters: [...PAGE_PARAMS, query("actor", "User or key id, or text in the actor's email/phone"), query("client", "School id"), query("action", "Exact action, or a prefix ending in *"), query("since", "ISO 8601"), query("until", "ISO 8601")],
        ok: { status: "200", schema: pageOf(AuditEventOut, "AuditEventPage"), description: "A page of events" },
      }),
    },
  };
}

function schoolPaths(): ZodOpenApiPathsObject {
  const PermissionOut = z.object({ codename: z.string(), label: z.string(), resource: z.string(), action: z.string() }).meta({ id: "Permission" });
  const sch = (summary: string, tag: string, perm: string, more: Partial<Parameters<typeof op>[0]> = {}) =>
    op({ summary: `${summary} (permission ${perm})`, tags: [tag], tenant: true, secured: true, keys: true, ...more });
  const crud = (seg: string, tag: string, resource: string, out: z.ZodType, write: z.ZodType, patch: z.ZodType, filters: object[], pageId: string, create: z.ZodType = write) => ({
    [`/api/v1/school/${seg}/`]: {
      get: sch(`List ${tag.toLowerCase()}`, tag, `${resource}.view`, { parameters: [...PAGE_PARAMS, ...filters], ok: { status: "200", schema: pageOf(out, pageId), description: "A page" } }),
      post: sch(`Create`, tag, `${resource}.add`, { body: create, ok: { status: "201", schema: out, description: "Created" }, extra: { "409": { description: "A unique value is taken" } } }),
    },
    [`/api/v1/school/${seg}/{id}/`]: {
      get: sch("One", tag, `${resource}.view`, { parameters: [ID_PARAM], ok: { status: "200", schema: out, description: "The object" } }),
      put: sch("Replace (every field)", tag, `${resource}.change`, { parameters: [ID_PARAM], body: write, ok: { status: "200", schema: out, description: "Changed" }, extra: { "409": { description: "A unique value is taken" } } }),
      patch: sch("Change some fields", tag, `${resource}.change`, { parameters: [ID_PARAM], body: patch, ok: { status: "200", schema: out, description: "Changed" }, extra: { "409": { description: "A unique value is taken" } } }),
      delete: sch("Delete", tag, `${resource}.delete`, { parameters: [ID_PARAM], ok: { status: "204", description: "Deleted" } }),
    },
  });
  return {
    "/api/v1/school/permissions/": {
      get: op({ summary: "Every permission codename with a label", tags: ["School"], tenant: true, secured: true, keys: true, parameters: PAGE_PARAMS, ok: { status: "200", schema: pageOf(PermissionOut, "PermissionPage"), description: "The catalogue" } }),
    },
    ...crud("roles", "Roles", "roles", RoleOut, RoleBody, RolePatchBody, [query("search", "Text in the name")], "RolePage"),
    ...crud("users", "Staff", "users", StaffOut, StaffPutBody, StaffPatchBody, [query("search", "Text in email, phone or name"), query("is_active", "true or false")], "StaffPage", TenantUserCreateBody()),
    ...crud("students", "Students", "students", StudentOut, StudentBody, StudentPatchBody, [query("search", "Text in names or admission number"), query("class", "Class id, or null")], "StudentPage"),
    ...crud("classes", "Classes", "classes", ClassOut, ClassBody, ClassPatchBody, [query("search", "Text in the name"), query("teacher", "Staff user id"), query("grade", "Integer")], "ClassPage"),
    "/api/v1/school/role-assignments/": {
      get: sch("List role assignments", "Roles", "roles.view", { parameters: [...PAGE_PARAMS, query("user", "Staff user id"), query("role", "Role id")], ok: { status: "200", schema: pageOf(AssignmentOut, "RoleAssignmentPage"), description: "A page" } }),
      post: sch("Give a user a role", "Roles", "roles.change", { body: AssignmentBody, ok: { status: "201", schema: AssignmentOut, description: "Created" }, extra: { "409": { description: "The user already has this role" } } }),
    },
    "/api/v1/school/role-assignments/{id}/": {
      get: sch("One role assignment", "Roles", "roles.view", { parameters: [ID_PARAM], ok: { status: "200", schema: AssignmentOut, description: "The assignment" } }),
      delete: sch("Take a role away", "Roles", "roles.change", { parameters: [ID_PARAM], ok: { status: "204", description: "Deleted" } }),
    },
    "/api/v1/school/audit/": {
      get: sch("This school's audit trail, newest first", "School", "roles.view", {
        parameters: [...PAGE_PARAMS, query("actor", "User or key id, or text in the actor's label"), query("action", "Exact, or a prefix ending in *"), query("since", "ISO 8601"), query("until", "ISO 8601")],
        ok: { status: "200", schema: pageOf(AuditEventOut, "SchoolAuditEventPage"), description: "A page of events" },
      }),
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
      ...systemPaths(),
      ...schoolPaths(),
      "/api/health": {
        get: { summary: "Health (database round trip)", tags: ["Operations"], security: [], responses: { "200": { description: "Up", ...json(z.object({ status: z.literal("ok") })) }, "503": { description: "Database unreachable (Retry-After)" } } },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", tags: ["Operations"], security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
      "/.well-known/jwks.json": {
        get: { summary: "Public keys (JWK Set) that verify the platform's JWTs", tags: ["Operations"], security: [], responses: { "200": { description: "JWK Set" }, ...outage } },
      },
    },
  });
  return cached;
}
