// Shared by the system and school authentication suites: traced requests, audit-trail and
// refresh-family look-ups, and the assertions and constants both suites check responses with.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { claimsOf, randomIp, type RequestOptions } from "./api";
import { sql } from "./fixtures";

export const USER_FIELDS = [
  "client",
  "date_joined",
  "email",
  "full_name",
  "id",
  "is_active",
  "last_login",
  "phone",
  "platform_role",
  "status",
];
export const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Traced {
  requestId: string;
  ip: string;
  userAgent: string;
  options: RequestOptions;
}

/**
 * Request options that make the resulting audit row findable and checkable. `prefix` names the
 * suite in the request id (`<prefix>-<uuid>`) and the user agent (`<prefix>-test/<8 hex>`).
 */
export function traced(prefix: string, extra: RequestOptions = {}): Traced {
  const requestId = `${prefix}-${randomUUID()}`;
  const ip = randomIp();
  const userAgent = `${prefix}-test/${randomUUID().slice(0, 8)}`;
  return {
    requestId,
    ip,
    userAgent,
    options: { ...extra, ip, headers: { ...extra.headers, "x-request-id": requestId, "user-agent": userAgent } },
  };
}

export async function auditRows(requestId: string) {
  const { rows } = await sql().query(
    "SELECT action, actor_user_id, client_id, ip, user_agent, request_id FROM audit_events WHERE request_id = $1",
    [requestId],
  );
  return rows;
}

/** The request's audit row for `action` exists and carries its origin. `actorUserId` undefined: the actor is not checked. */
export async function assertAudit(t: Traced, action: string, expected: { actorUserId?: string | null; clientId: string | null }) {
  const rows = await auditRows(t.requestId);
  const row = rows.find((r) => r.action === action && r.client_id === expected.clientId);
  assert.ok(row, `no audit row ${action} (client ${expected.clientId}) for request ${t.requestId}: ${JSON.stringify(rows)}`);
  if (expected.actorUserId !== undefined) assert.equal(row.actor_user_id, expected.actorUserId);
  assert.equal(row.client_id, expected.clientId);
  assert.equal(row.ip, t.ip);
  assert.equal(row.user_agent, t.userAgent);
  assert.equal(row.request_id, t.requestId);
}

export interface Family {
  id: string;
  revoked_at: Date | null;
  revoked_reason: string | null;
  client_id: string | null;
  audience: string;
}

/** Every refresh family of the user, oldest first. */
export async function familiesOf(userId: string) {
  const { rows } = await sql().query(
    "SELECT id, revoked_at, revoked_reason, client_id, audience FROM refresh_families WHERE user_id = $1 ORDER BY created_at",
    [userId],
  );
  return rows as Family[];
}

/** The refresh family a (refresh or access) token belongs to; it must exist. */
export async function familyOf(token: string) {
  const { rows } = await sql().query("SELECT id, revoked_at, revoked_reason FROM refresh_families WHERE id = $1", [claimsOf(token).sid]);
  assert.equal(rows.length, 1, "the token's refresh family exists");
  return rows[0] as Pick<Family, "id" | "revoked_at" | "revoked_reason">;
}

export function assertTokenNotValid(res: { status: number; body: any; headers: any }, what: string) {
  assert.equal(res.status, 401, `${what}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.code, "token_not_valid", what);
  assert.equal(typeof res.body.detail, "string");
  assert.ok(res.headers["www-authenticate"], `${what}: WWW-Authenticate`);
}
