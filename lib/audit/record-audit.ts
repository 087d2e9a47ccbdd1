// The audit trail's one rule: a write and its audit row commit in one transaction — both or
// neither. Three ways to write the row, by how the write itself is made:
// - `audit(tx, …)`, inside the write's Prisma transaction (most writes);
// - `auditStatement(…)`, inside the write's one-message script (lib/db/sql-script.ts: login,
//   creating a student — the hot writes);
// - `recordAudit(…)`, for events that write nothing else (a failed sign-in, a refused refresh).
// None of them swallows an error: an event that cannot be recorded fails its request.
import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prepared, runScript, type SqlText } from "@/lib/db/sql-script";
import type { RequestOrigin } from "@/lib/http/request-context";

export interface AuditActor {
  userId?: string | null;
  keyId?: string | null;
  label?: string | null;
}

/** Where the audited request came from (lib/http/request-context.ts). */
export type AuditOrigin = RequestOrigin;

export interface AuditEntry {
  action: string;
  actor?: AuditActor;
  /** The school whose trail it is in; null or absent: the platform's trail. */
  schoolId?: string | null;
  target?: { type: string; id: string };
  metadata?: Prisma.InputJsonValue;
}

const insertAudit = prepared(`
  INSERT INTO audit_events (id, action, actor_user_id, actor_key_id, actor_label, client_id, target_type, target_id, ip, user_agent, request_id, metadata)
  VALUES ($1::uuid, $2::text, $3::uuid, $4::uuid, $5::text, $6::uuid, $7::text, $8::text, $9::text, $10::text, $11::text, $12::jsonb)`);

function columns(entry: AuditEntry, origin: AuditOrigin) {
  return {
    id: uuidv7(),
    action: entry.action,
    actorUserId: entry.actor?.userId ?? null,
    actorKeyId: entry.actor?.keyId ?? null,
    actorLabel: entry.actor?.label?.slice(0, 254) ?? null,
    clientId: entry.schoolId ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    ip: origin.ip?.slice(0, 64) ?? null,
    userAgent: origin.userAgent?.slice(0, 500) ?? null,
    requestId: origin.requestId?.slice(0, 64) ?? null,
  };
}

/** The audit row as a statement, for a caller that writes it in one message with its own writes. */
export function auditStatement(entry: AuditEntry, origin: AuditOrigin): SqlText {
  const c = columns(entry, origin);
  return insertAudit.run(
    c.id,
    c.action,
    c.actorUserId,
    c.actorKeyId,
    c.actorLabel,
    c.clientId,
    c.targetType,
    c.targetId,
    c.ip,
    c.userAgent,
    c.requestId,
    entry.metadata === undefined ? null : JSON.stringify(entry.metadata),
  );
}

type AuditDb = Pick<Prisma.TransactionClient, "auditEvent">;

/** Writes the audit row inside the transaction `db` of the write it describes. */
export async function audit(db: AuditDb, entry: AuditEntry, origin: AuditOrigin): Promise<void> {
  await db.auditEvent.create({ data: { ...columns(entry, origin), metadata: entry.metadata }, select: { id: true } });
}

/** Records an event that is not part of a write (or several, in one transaction). */
export async function recordAudit(entry: AuditEntry | AuditEntry[], origin: AuditOrigin): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  await runScript(entries.map((e) => auditStatement(e, origin)));
}
