// Appends one audit event. Audit writes never fail the request they describe: a lost audit row
// is logged loudly instead.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
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

export async function recordAudit(entry: AuditEntry, origin: AuditOrigin): Promise<void> {
  try {
    await prisma.auditEvent.create({
      data: {
        action: entry.action,
        actorUserId: entry.actor?.userId ?? null,
        actorKeyId: entry.actor?.keyId ?? null,
        actorLabel: entry.actor?.label?.slice(0, 254) ?? null,
        clientId: entry.clientId ?? null,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        ip: origin.ip?.slice(0, 64) ?? null,
        userAgent: origin.userAgent?.slice(0, 500) ?? null,
        requestId: origin.requestId,
        metadata: entry.metadata,
      },
    });
  } catch (error) {
    log.error({ err: error, audit: entry, request_id: origin.requestId }, "audit event lost");
  }
}
