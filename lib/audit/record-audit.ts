// Appends one audit event. Two ways:
// - `recordAudit`, after the write it describes: it never fails that request — a lost audit row
//   is logged loudly instead;
// - `auditStatement`, inside the write's own message (lib/db/tenant-script.ts): the write and its
//   audit row are one transaction and stand or fall together (login, creating a student).
import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prepared, runScript, type SqlText } from "@/lib/db/tenant-script";
import { log } from "@/lib/log";

export interface AuditActor {
  userId?: string | null;
  keyId?: string | null;
  label?: string | null;
}

export interface AuditOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  actor?: AuditActor;
  clientId?: string | null;
  target?: { type: string; id: string };
  metadata?: Prisma.InputJsonValue;
}

const insertAudit = prepared(`
  INSERT INTO audit_events (id, action, actor_user_id, actor_key_id, actor_label, client_id, target_type, target_id, ip, user_agent, request_id, metadata)
  VALUES ($1::uuid, $2::text, $3::uuid, $4::uuid, $5::text, $6::uuid, $7::text, $8::text, $9::text, $10::text, $11::text, $12::jsonb)`);

/** The audit row as a statement, for a caller that writes it in one message with its own writes. */
export function auditStatement(entry: AuditEntry, origin: AuditOrigin): SqlText {
  return insertAudit.run(
    uuidv7(), entry.action, entry.actor?.userId ?? null, entry.actor?.keyId ?? null, entry.actor?.label?.slice(0, 254) ?? null,
    entry.clientId ?? null, entry.target?.type ?? null, entry.target?.id ?? null,
    origin.ip?.slice(0, 64) ?? null, origin.userAgent?.slice(0, 500) ?? null, origin.requestId?.slice(0, 64) ?? null,
    entry.metadata === undefined ? null : JSON.stringify(entry.metadata),
  );
}

/** Appends `entry` (or several, in one transaction). */
export async function recordAudit(entry: AuditEntry | AuditEntry[], origin: AuditOrigin): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  try {
    await runScript(entries.map((e) => auditStatement(e, origin)));
  } catch (error) {
    log.error({ err: error, audit: entries, request_id: origin.requestId }, "audit event lost");
  }
}
