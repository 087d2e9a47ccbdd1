// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
// answers (zod-openapi). Every route file under app/api/v1 must appear here: a test walks the
// route tree and checks.
import { inputRules } from "@/lib/env";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { LoginBody } from "@/lib/auth/login";
import { LogoutBody, PasswordChangeBody, RefreshBody, SystemLoginOut, TokenPairOut } from "@/lib/auth/auth-schemas";
import { SchoolLoginOut, SchoolProfile } from "@/lib/school/profile";
import {
  PlatformUserCreateBody,
  PlatformUserListQuery,
  MeOut,
  PlatformUserPatchBody,
  TenantUserCreateBody,
  TenantUserPatchBody,
  UserOut,
} from "@/lib/users/user-schemas";
import { ClientCreateBody, ClientOut, ClientPatchBody, SchoolListQuery, SchoolUserListQuery } from "@/lib/platform/client-schemas";
import { SessionListOut } from "@/lib/auth/session-list";
import { MfaConfirmBody, MfaDisableBody, MfaEnrolmentOut, MfaRequiredOut, MfaVerifyBody, RecoveryCodesOut } from "@/lib/auth/mfa-schemas";
import { MyAccountPatchBody } from "@/lib/auth/my-account-body";
import { InvitationAcceptBody, PasswordResetConfirmBody, PasswordResetRequestBody } from "@/lib/auth/account-link-schemas";
import {
  ApiKeyCreateBody,
  ApiKeyCreatedOut,
  ApiKeyListQuery,
  ApiKeyOut,
  ApiKeyPatchBody,
  ApiKeyRotateBody,
} from "@/lib/api-keys/api-key-schemas";
import { AuditEventOut } from "@/lib/audit/audit-schemas";
import { MessageListQuery, MessageOut } from "@/lib/messages/message-schemas";
import { AuditListQuery, SchoolAuditListQuery } from "@/lib/audit/list-audit";
import { PermissionListQuery, PermissionOut } from "@/lib/rbac/list-permissions";
import { pageOf } from "@/lib/http/pagination";
import {
  AssignmentBody,
  AssignmentListQuery,
  AssignmentOut,
  AssignmentPatchBody,
  ClassBody,
  ClassListQuery,
  ClassOut,
  ClassPatchBody,
  RoleBody,
  RoleListQuery,
  RoleOut,
  RolePatchBody,
  StaffListQuery,
  StaffOut,
  StaffPatchBody,
  StaffPutBody,
  StudentBody,
  StudentListQuery,
  StudentOut,
  StudentPatchBody,
  SchoolSettingsOut,
  SchoolSettingsPatchBody,
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
  "400": error(
    "Invalid body or query parameter (a control character, a bad filter), or no/mismatching school (tenant_required, tenant_mismatch)",
  ),
  "401": error("Missing or invalid credentials"),
};
const withBody = {
  "413": error("Body over 1 MiB"),
  "415": error("Body is not JSON"),
};
const outage = { "503": error("The database is unreachable: try again after Retry-After seconds") };

const IdPath = z.object({ id: z.string().describe("Opaque id") });
const UserInSchoolPath = IdPath.extend({ uid: z.string().describe("Opaque id of one of that school's users") });

const PASSWORD_CHANGE_REQUIRED =
  "password_change_required: an admin set the user's password, and until they change it (POST …/auth/password/) only auth/password, auth/me and auth/logout answer";

const MFA_ENROLMENT_REQUIRED =
  "mfa_enrolment_required: the two-factor policy (SMS_MFA_REQUIRED_PLATFORM for platform users, the school's mfa_required for its staff) holds a user who has not turned on two-factor sign-in; until they do only auth/mfa/totp (and confirm), auth/me, auth/password and auth/logout answer";

/** A list's query schema (lib/http/query.ts listQuery): its wire shape is the pipe's input. */
type QuerySchema = z.ZodObject | z.ZodPipe<z.ZodObject, z.ZodType>;
const wireShape = (q: QuerySchema): z.ZodObject => (q instanceof z.ZodPipe ? (q.in as z.ZodObject) : q);

function op(o: {
  summary: string;
  tags: string[];
  body?: z.ZodType;
  ok?: { status: string; schema?: z.ZodType; description: string };
  secured?: boolean;
  extra?: Record<string, { description: string }>;
  school?: boolean;
  keys?: boolean;
  /** The list's query schema: the OpenAPI query parameters are generated from it. */
  query?: QuerySchema;
  /** The path has an {id}. */
  id?: boolean;
  /** …and a {uid} (one user of the school {id}). */
  uid?: boolean;
  /** One of the routes a user whose password must change may still reach (auth/password, me, logout). */
  beforePasswordChange?: boolean;
  /** One of the routes a user the two-factor policy holds to enrol may still reach. */
  beforeMfaEnrolment?: boolean;
}): ZodOpenApiOperationObject {
  const responses: Record<string, object> = {};
  if (o.ok)
    responses[o.ok.status] = o.ok.schema ? { description: o.ok.description, ...json(o.ok.schema) } : { description: o.ok.description };
  Object.assign(responses, always, o.body ? withBody : {});
  if (o.school)
    Object.assign(responses, {
      "403": error("Permission denied or school suspended"),
      "404": error("Unknown school (host or X-Tenant), or no such object in this school"),
    });
  else Object.assign(responses, { "404": error("Not the platform host (the system API exists there only), or no such object") });
  for (const [status, r] of Object.entries(o.extra ?? {})) responses[status] = error(r.description);
  if (o.secured && !o.beforePasswordChange) {
    // The authentication refuses a user with a temporary password everywhere else (lib/auth/authenticate.ts).
    const other = (responses["403"] as { description?: string } | undefined)?.description;
    responses["403"] = error(`${other ? `${other}; or ` : ""}${PASSWORD_CHANGE_REQUIRED}`);
  }
  if (o.secured && !o.beforeMfaEnrolment) {
    const other = (responses["403"] as { description?: string } | undefined)?.description;
    responses["403"] = error(`${other ? `${other}; or ` : ""}${MFA_ENROLMENT_REQUIRED}`);
  }
  Object.assign(responses, outage);
  const requestParams = {
    ...(o.school
      ? { header: z.object({ "x-tenant": z.string().optional().describe("School slug, when calling from the platform host") }) }
      : {}),
    ...(o.query ? { query: wireShape(o.query) } : {}),
    ...(o.uid ? { path: UserInSchoolPath } : o.id ? { path: IdPath } : {}),
  };
  return {
    summary: o.summary,
    tags: o.tags,
    ...(o.secured ? { security: o.keys ? [{ bearer: [] }, { apiKey: [] }] : [{ bearer: [] }] } : { security: [] }),
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(o.body ? { requestBody: { required: true, ...json(o.body) } } : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

/** A 202's body: what was taken in, in words. */
const AcceptedOut = z.object({ detail: z.string() }).meta({ id: "Accepted" });

const LINK_NOT_VALID = "token_not_valid: the link is unknown, used, replaced, withdrawn, expired or of another host";

function authPaths(audience: "system" | "school", rules: InputRules): ZodOpenApiPathsObject {
  const base = `/api/v1/${audience}/auth`;
  const tags = [audience === "system" ? "System auth" : "School auth"];
  const school = audience === "school";
  return {
    [`${base}/login/`]: {
      post: op({
        summary: audience === "system" ? "Platform user login" : "School staff login",
        tags,
        school,
        body: LoginBody,
        ok: {
          status: "200",
          schema: z.union([audience === "system" ? SystemLoginOut : SchoolLoginOut, MfaRequiredOut]),
          description:
            "Token pair and user; password_change_required: true after an admin set the password. With two-factor on: mfa_required and an mfa_token instead (no tokens): send it with a code to …/auth/mfa/verify/",
        },
        extra: {
          "403": {
            description:
              audience === "system" ? "A school user (right password)" : "A platform user (right password), or a suspended school",
          },
          "429": { description: "Too many failed logins (Retry-After)" },
        },
      }),
    },
    [`${base}/me/`]: {
      get: op({
        summary: "The signed-in user",
        tags,
        school,
        secured: true,
        beforePasswordChange: true,
        beforeMfaEnrolment: true,
        ok: {
          status: "200",
          schema: audience === "system" ? MeOut : SchoolProfile,
          description: "The user, and whether their password must change first",
        },
      }),
      patch: op({
        summary: "Change my name or phone (the email is changed by an admin)",
        tags,
        school,
        secured: true,
        beforePasswordChange: true,
        body: MyAccountPatchBody(inputRules()),
        ok: {
          status: "200",
          schema: audience === "system" ? MeOut : SchoolProfile,
          description: "As GET, after the change (an audit row when something changed)",
        },
        extra: { "409": { description: "That phone number belongs to another account" } },
      }),
    },
    [`${base}/refresh/`]: {
      post: op({
        summary: "Rotate a refresh token",
        tags,
        school,
        body: RefreshBody,
        ok: { status: "200", schema: TokenPairOut, description: "A new pair; the old refresh token is spent" },
      }),
    },
    [`${base}/logout/`]: {
      post: op({
        summary: "Revoke one session, or all of mine",
        tags,
        school,
        body: LogoutBody,
        ok: { status: "204", description: "Revoked" },
      }),
    },
    [`${base}/sessions/`]: {
      get: op({
        summary: "My live sessions (not paginated), this one marked `current`",
        tags,
        school,
        secured: true,
        ok: { status: "200", schema: SessionListOut, description: "The sessions, most recently used first" },
      }),
    },
    [`${base}/sessions/{id}/`]: {
      delete: op({
        summary: "End one of my sessions at once (another user's is a 404)",
        tags,
        school,
        secured: true,
        id: true,
        ok: { status: "204", description: "Ended: its refresh and access tokens stop working" },
      }),
    },
    [`${base}/password/`]: {
      post: op({
        summary: "Change my password (ends every other session of mine; clears password_change_required)",
        tags,
        school,
        secured: true,
        beforePasswordChange: true,
        beforeMfaEnrolment: true,
        body: PasswordChangeBody,
        ok: { status: "204", description: "Changed" },
        extra: { "429": { description: "Too many wrong old passwords" } },
      }),
    },
    [`${base}/mfa/totp/`]: {
      post: op({
        summary: "Start turning on two-factor sign-in: a new TOTP secret (not active until confirmed; starts over any earlier one)",
        tags,
        school,
        secured: true,
        beforeMfaEnrolment: true,
        ok: { status: "200", schema: MfaEnrolmentOut, description: "The secret and its otpauth:// URL (SHA1, 6 digits, 30 s)" },
      }),
      delete: op({
        summary: "Turn two-factor sign-in off (asks for my password)",
        tags,
        school,
        secured: true,
        body: MfaDisableBody,
        ok: { status: "204", description: "Off: the secret and recovery codes are gone" },
        extra: { "429": { description: "Too many wrong passwords (they count as failed logins)" } },
      }),
    },
    [`${base}/mfa/totp/confirm/`]: {
      post: op({
        summary: "Turn two-factor sign-in on with the app's current code",
        tags,
        school,
        secured: true,
        beforeMfaEnrolment: true,
        body: MfaConfirmBody,
        ok: {
          status: "200",
          schema: RecoveryCodesOut,
          description: "On. Ten recovery codes, shown this once (stored hashed, each works once); a wrong code is a 400 naming code",
        },
      }),
    },
    [`${base}/password-reset/`]: {
      post: op({
        summary: "Forgotten password: send a single-use reset link to the account's email (or phone by SMS)",
        tags,
        school,
        body: PasswordResetRequestBody,
        ok: {
          status: "202",
          schema: AcceptedOut,
          description: "Always the same body, in about the same time, whether or not an account matched (SMS_RESET_TTL)",
        },
        extra: { "429": { description: "Too many reset requests for this account or address (Retry-After); the same for unknown ones" } },
      }),
    },
    [`${base}/password-reset/confirm/`]: {
      post: op({
        summary: "Choose a new password with a reset link's token; ends every session",
        tags,
        school,
        body: PasswordResetConfirmBody(rules),
        ok: { status: "204", description: `Changed. A 400 with code ${LINK_NOT_VALID}` },
      }),
    },
    [`${base}/invitation/accept/`]: {
      post: op({
        summary: "Accept an invitation: choose a password with its link's token, and be signed in",
        tags,
        school,
        body: InvitationAcceptBody(rules),
        ok: {
          status: "200",
          schema: audience === "system" ? SystemLoginOut : SchoolLoginOut,
          description: `As a login. A 400 with code ${LINK_NOT_VALID}`,
        },
      }),
    },
    [`${base}/mfa/verify/`]: {
      post: op({
        summary: "A login's second step: the mfa_token and a code of the app (or a recovery code)",
        tags,
        school,
        body: MfaVerifyBody,
        ok: {
          status: "200",
          schema: audience === "system" ? SystemLoginOut : SchoolLoginOut,
          description:
            "As a login. A wrong or reused code is 401 authentication_failed (a failed login); a spent, expired or unknown mfa_token 401 token_not_valid",
        },
        extra: { "429": { description: "Too many failed logins or wrong codes (Retry-After)" } },
      }),
    },
  };
}

function systemPaths(rules: InputRules): ZodOpenApiPathsObject {
  const sys = (summary: string, tag: string, more: Partial<Parameters<typeof op>[0]> = {}) =>
    op({
      summary,
      tags: [tag],
      secured: true,
      ...more,
      extra: { "403": { description: "Your platform role may not do this" }, ...more.extra },
    });
  return {
    "/api/v1/system/clients/": {
      get: sys("List schools", "Schools", {
        query: SchoolListQuery,
        ok: { status: "200", schema: pageOf(ClientOut, "ClientPage"), description: "A page of schools" },
      }),
      post: sys("Create a school (seeds its default roles)", "Schools", {
        body: ClientCreateBody(rules),
        ok: { status: "201", schema: ClientOut, description: "Created" },
        extra: { "409": { description: "Slug or domain taken" } },
      }),
    },
    "/api/v1/system/clients/{id}/": {
      get: sys("One school", "Schools", { id: true, ok: { status: "200", schema: ClientOut, description: "The school" } }),
      patch: sys('Change a school; {"is_active": false} suspends it, {"mfa_required": true} requires two-factor of its staff', "Schools", {
        id: true,
        body: ClientPatchBody(rules),
        ok: { status: "200", schema: ClientOut, description: "Changed" },
        extra: { "409": { description: "Slug or domain taken" } },
      }),
      delete: sys("Delete a school and everything it owns", "Schools", { id: true, ok: { status: "204", description: "Deleted" } }),
    },
    "/api/v1/system/clients/{id}/users/": {
      get: sys("A school's users", "Schools", {
        id: true,
        query: SchoolUserListQuery,
        ok: { status: "200", schema: pageOf(UserOut, "UserPage"), description: "A page of users" },
      }),
      post: sys("Create a user in a school, with roles", "Schools", {
        id: true,
        body: TenantUserCreateBody(rules),
        ok: { status: "201", schema: UserOut, description: "Created" },
        extra: { "409": { description: "Email, phone or employee number taken" } },
      }),
    },
    "/api/v1/system/clients/{id}/users/{uid}/": {
      get: sys("One of a school's users", "Schools", {
        uid: true,
        ok: { status: "200", schema: UserOut, description: "The user (another school's user: 404)" },
      }),
      patch: sys("Change one of a school's users; is_active false or a (temporary) password ends their sessions", "Schools", {
        uid: true,
        body: TenantUserPatchBody(rules),
        ok: { status: "200", schema: UserOut, description: "Changed" },
        extra: { "409": { description: "Email or phone taken" } },
      }),
    },
    "/api/v1/system/clients/{id}/users/{uid}/sessions/": {
      get: sys("One of a school's users' live sessions (not paginated); `current` is always false", "Schools", {
        uid: true,
        ok: { status: "200", schema: SessionListOut, description: "The sessions, most recently used first (another school's user: 404)" },
      }),
      delete: sys("Sign one of a school's users out everywhere (superadmin or platform_admin)", "Schools", {
        uid: true,
        ok: { status: "204", description: "Every session ended: their refresh and access tokens stop working at once" },
      }),
    },
    "/api/v1/system/clients/{id}/users/{uid}/invitation/": {
      post: sys("Send one of a school's invited users a new link (superadmin or platform_admin)", "Schools", {
        uid: true,
        ok: { status: "202", schema: AcceptedOut, description: "Sent later by the outbox; a 400 when they are not invited, or withdrawn" },
      }),
      delete: sys("Withdraw one of a school's users' invitation; the account is deactivated", "Schools", {
        uid: true,
        ok: { status: "204", description: "Withdrawn (status inactive); a 400 when they already accepted" },
      }),
    },
    "/api/v1/system/clients/{id}/users/{uid}/mfa/": {
      delete: sys("Turn one of a school's users' two-factor sign-in off (superadmin or platform_admin)", "Schools", {
        uid: true,
        ok: { status: "204", description: "Off; every session of theirs ended (audited; another school's user: 404)" },
      }),
    },
    "/api/v1/system/users/": {
      get: sys("List platform users", "Platform users", {
        query: PlatformUserListQuery,
        ok: { status: "200", schema: pageOf(UserOut, "PlatformUserPage"), description: "A page of users" },
      }),
      post: sys("Create a platform user (superadmin only)", "Platform users", {
        body: PlatformUserCreateBody(rules),
        ok: { status: "201", schema: UserOut, description: "Created" },
        extra: { "409": { description: "Email or phone taken" } },
      }),
    },
    "/api/v1/system/users/{id}/": {
      get: sys("One platform user", "Platform users", { id: true, ok: { status: "200", schema: UserOut, description: "The user" } }),
      patch: sys("Change a platform user (superadmin only); is_active false or a password ends their sessions", "Platform users", {
        id: true,
        body: PlatformUserPatchBody(rules),
        ok: { status: "200", schema: UserOut, description: "Changed" },
        extra: { "409": { description: "Email or phone taken" } },
      }),
      delete: sys("Delete a platform user (superadmin only)", "Platform users", {
        id: true,
        ok: { status: "204", description: "Deleted" },
      }),
    },
    "/api/v1/system/users/{id}/sessions/": {
      get: sys("A platform user's live sessions (not paginated); `current` marks the caller's own", "Platform users", {
        id: true,
        ok: { status: "200", schema: SessionListOut, description: "The sessions, most recently used first" },
      }),
      delete: sys("Sign a platform user out everywhere (superadmin only)", "Platform users", {
        id: true,
        ok: { status: "204", description: "Every session ended: their refresh and access tokens stop working at once" },
      }),
    },
    "/api/v1/system/users/{id}/invitation/": {
      post: sys("Send an invited platform user a new link (superadmin only)", "Platform users", {
        id: true,
        ok: { status: "202", schema: AcceptedOut, description: "Sent later by the outbox; a 400 when they are not invited, or withdrawn" },
      }),
      delete: sys("Withdraw a platform user's invitation; the account is deactivated (superadmin only)", "Platform users", {
        id: true,
        ok: { status: "204", description: "Withdrawn (status inactive); a 400 when they already accepted" },
      }),
    },
    "/api/v1/system/users/{id}/mfa/": {
      delete: sys("Turn a platform user's two-factor sign-in off (superadmin only; not your own)", "Platform users", {
        id: true,
        ok: { status: "204", description: "Off; every session of theirs ended (audited)" },
      }),
    },
    "/api/v1/system/api-keys/": {
      get: sys("List API keys", "API keys", {
        query: ApiKeyListQuery,
        ok: { status: "200", schema: pageOf(ApiKeyOut, "ApiKeyPage"), description: "A page of keys" },
      }),
      post: sys("Create an API key (the key is in this answer only)", "API keys", {
        body: ApiKeyCreateBody,
        ok: { status: "201", schema: ApiKeyCreatedOut, description: "Created" },
      }),
    },
    "/api/v1/system/api-keys/{id}/": {
      get: sys("One API key", "API keys", {
        id: true,
        ok: { status: "200", schema: ApiKeyOut, description: "The key (without the secret)" },
      }),
      patch: sys("Rename, rescope or change the expiry of a key (never its school; a revoked or rotated key: 400)", "API keys", {
        id: true,
        body: ApiKeyPatchBody,
        ok: { status: "200", schema: ApiKeyOut, description: "Changed" },
      }),
      delete: sys("Revoke a key (irreversible; a rotated key in its grace period stops at once)", "API keys", {
        id: true,
        ok: { status: "204", description: "Revoked" },
      }),
    },
    "/api/v1/system/api-keys/{id}/rotate/": {
      post: sys(
        "Rotate a key: a new key (in this answer only) of the same name, school, scopes and expiry; the old one works until grace_seconds have passed (a revoked, rotated or expired key: 400)",
        "API keys",
        { id: true, body: ApiKeyRotateBody, ok: { status: "201", schema: ApiKeyCreatedOut, description: "The new key" } },
      ),
    },
    "/api/v1/system/audit/": {
      get: sys("The audit trail, newest first", "Audit", {
        query: AuditListQuery,
        ok: { status: "200", schema: pageOf(AuditEventOut, "AuditEventPage"), description: "A page of events" },
      }),
    },
    "/api/v1/system/outbox/": {
      get: sys("The outbox: messages (email, SMS) and their delivery, newest first; no bodies", "Messages", {
        query: MessageListQuery,
        ok: { status: "200", schema: pageOf(MessageOut, "OutboxMessagePage"), description: "A page of messages" },
      }),
    },
  };
}

function schoolPaths(rules: InputRules): ZodOpenApiPathsObject {
  const sch = (summary: string, tag: string, perm: string, more: Partial<Parameters<typeof op>[0]> = {}) =>
    op({ summary: `${summary} (permission ${perm})`, tags: [tag], school: true, secured: true, keys: true, ...more });
  const crud = (
    seg: string,
    tag: string,
    resource: string,
    out: z.ZodType,
    write: z.ZodType,
    patch: z.ZodType,
    list: QuerySchema,
    pageId: string,
    create: z.ZodType = write,
  ) => ({
    [`/api/v1/school/${seg}/`]: {
      get: sch(`List ${tag.toLowerCase()}`, tag, `${resource}.view`, {
        query: list,
        ok: { status: "200", schema: pageOf(out, pageId), description: "A page" },
      }),
      post: sch(`Create`, tag, `${resource}.add`, {
        body: create,
        ok: { status: "201", schema: out, description: "Created" },
        extra: { "409": { description: "A unique value is taken" } },
      }),
    },
    [`/api/v1/school/${seg}/{id}/`]: {
      get: sch("One", tag, `${resource}.view`, { id: true, ok: { status: "200", schema: out, description: "The object" } }),
      put: sch("Replace (every field)", tag, `${resource}.change`, {
        id: true,
        body: write,
        ok: { status: "200", schema: out, description: "Changed" },
        extra: { "409": { description: "A unique value is taken" } },
      }),
      patch: sch("Change some fields", tag, `${resource}.change`, {
        id: true,
        body: patch,
        ok: { status: "200", schema: out, description: "Changed" },
        extra: { "409": { description: "A unique value is taken" } },
      }),
      delete: sch("Delete", tag, `${resource}.delete`, { id: true, ok: { status: "204", description: "Deleted" } }),
    },
  });
  return {
    "/api/v1/school/permissions/": {
      get: op({
        summary: "Every permission codename with a label",
        tags: ["School"],
        school: true,
        secured: true,
        keys: true,
        query: PermissionListQuery,
        ok: { status: "200", schema: pageOf(PermissionOut, "PermissionPage"), description: "The catalogue" },
      }),
    },
    ...crud("roles", "Roles", "roles", RoleOut, RoleBody, RolePatchBody, RoleListQuery, "RolePage"),
    ...crud(
      "users",
      "Staff",
      "users",
      StaffOut,
      StaffPutBody(rules),
      StaffPatchBody(rules),
      StaffListQuery,
      "StaffPage",
      TenantUserCreateBody(rules),
    ),
    ...crud("students", "Students", "students", StudentOut, StudentBody, StudentPatchBody, StudentListQuery, "StudentPage"),
    ...crud("classes", "Classes", "classes", ClassOut, ClassBody, ClassPatchBody, ClassListQuery, "ClassPage"),
    "/api/v1/school/users/{id}/sessions/": {
      get: sch("A staff member's live sessions (not paginated); `current` marks the caller's own", "Staff", "users.view", {
        id: true,
        ok: { status: "200", schema: SessionListOut, description: "The sessions, most recently used first" },
      }),
      delete: sch("Sign a staff member out everywhere (and only one within your reach)", "Staff", "users.change", {
        id: true,
        ok: { status: "204", description: "Every session ended: their refresh and access tokens stop working at once" },
      }),
    },
    "/api/v1/school/users/{id}/invitation/": {
      post: sch("Send an invited colleague a new link (the old one stops working)", "Staff", "users.add", {
        id: true,
        ok: { status: "202", schema: AcceptedOut, description: "Sent later by the outbox; a 400 when they are not invited, or withdrawn" },
      }),
      delete: sch("Withdraw a colleague's invitation: its link stops working and the account is deactivated", "Staff", "users.add", {
        id: true,
        ok: { status: "204", description: "Withdrawn (status inactive); a 400 when they already accepted" },
      }),
    },
    "/api/v1/school/users/{id}/mfa/": {
      delete: sch("Turn a staff member's two-factor sign-in off (one within your reach; not your own)", "Staff", "users.change", {
        id: true,
        ok: { status: "204", description: "Off; every session of theirs ended (audited)" },
      }),
    },
    "/api/v1/school/role-assignments/": {
      get: sch("List role assignments", "Roles", "roles.view", {
        query: AssignmentListQuery,
        ok: { status: "200", schema: pageOf(AssignmentOut, "RoleAssignmentPage"), description: "A page" },
      }),
      post: sch("Give a user a role", "Roles", "roles.change", {
        body: AssignmentBody,
        ok: { status: "201", schema: AssignmentOut, description: "Created" },
        extra: { "409": { description: "The user already has this role" } },
      }),
    },
    "/api/v1/school/role-assignments/{id}/": {
      get: sch("One role assignment", "Roles", "roles.view", {
        id: true,
        ok: { status: "200", schema: AssignmentOut, description: "The assignment" },
      }),
      patch: sch("Change a grant's term", "Roles", "roles.change", {
        id: true,
        body: AssignmentPatchBody,
        ok: { status: "200", schema: AssignmentOut, description: "The assignment with its new term" },
      }),
      delete: sch("Take a role away", "Roles", "roles.change", { id: true, ok: { status: "204", description: "Deleted" } }),
    },
    "/api/v1/school/settings/": {
      get: op({
        summary: "The school's own settings (any of its staff, or a key of the school)",
        tags: ["School"],
        school: true,
        secured: true,
        keys: true,
        ok: { status: "200", schema: SchoolSettingsOut, description: "The settings" },
      }),
      patch: op({
        summary: "Change the school's settings (a full admin only: a user holding every permission; not an API key)",
        tags: ["School"],
        school: true,
        secured: true,
        body: SchoolSettingsPatchBody,
        ok: { status: "200", schema: SchoolSettingsOut, description: "The settings after the change (audited: school.settings.updated)" },
      }),
    },
    "/api/v1/school/audit/": {
      get: sch("This school's audit trail, newest first", "School", "roles.view", {
        query: SchoolAuditListQuery,
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
      description:
        "Multi-tenant School Management System: platform (system) and school APIs. Paths accept an optional trailing slash. Errors are {detail, code, errors?}.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT (ES256)" },
        apiKey: { type: "apiKey", in: "header", name: "X-API-KEY" },
      },
    },
    paths: {
      ...authPaths("system", inputRules()),
      ...authPaths("school", inputRules()),
      ...systemPaths(inputRules()),
      ...schoolPaths(inputRules()),
      "/api/health": {
        get: {
          summary: "Health (database round trip)",
          tags: ["Operations"],
          security: [],
          responses: {
            "200": { description: "Up", ...json(z.object({ status: z.literal("ok") })) },
            "503": { description: "Database unreachable (Retry-After)" },
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          summary: "This document",
          tags: ["Operations"],
          security: [],
          responses: { "200": { description: "OpenAPI 3.1 document" } },
        },
      },
      "/.well-known/jwks.json": {
        get: {
          summary: "Public keys (JWK Set) that verify the platform's JWTs",
          tags: ["Operations"],
          security: [],
          responses: { "200": { description: "JWK Set" }, ...outage },
        },
      },
    },
  });
  return cached;
}
