// Forgotten passwords (API §8): anyone may ask for a reset link for an email or phone number; the
// answer never says whether an account exists. When one does — active, and at home on this host —
// a single-use link goes to its email, or by SMS to a phone-only account. Spending the link sets
// the new password and ends every session.
//
// "The same answer in about the same time": both paths look the account up and count the request,
// then the answer waits until a floor well above that; what each path writes (the link and its
// message, or an audit row) is not waited for, so the time says nothing either.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { prisma } from "@/lib/db/client";
import { withHostScope } from "@/lib/db/school-scope";
import { audit, recordAudit, type AuditOrigin } from "@/lib/audit/record-audit";
import { parseIdentifier } from "@/lib/credentials/identifier";
import { hashPassword } from "@/lib/credentials/password";
import { issueAccountLink, spendAccountLink } from "@/lib/auth/account-links";
import { accountKey, countResetRequest } from "@/lib/auth/login-throttle";
import { endEverySession } from "@/lib/auth/sessions";
import type { LoginTarget } from "@/lib/auth/login";
import { notifyUser } from "@/lib/messages/outbox";
import { passwordChangedMessage, passwordResetMessage } from "@/lib/messages/templates";

/** Every reset request's answer: the same body whether or not the account exists. */
export const PASSWORD_RESET_ANSWER = {
  detail: "If an account uses that email or phone number, a link to choose a new password is on its way.",
} as const;

/**
 * No answer to a reset request comes sooner than this after it arrived. Either path takes a few
 * milliseconds to tens of them; the floor is far above both, so their difference is not visible.
 */
export const RESET_ANSWER_FLOOR_MS = 400;

/** The path of the page a reset link opens, on the user's host. */
export function resetPath(schoolId: string | null): string {
  return schoolId ? "/reset-password" : "/console/reset-password";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks for a reset link for `identifier` on the host of `target`. Resolves (the caller answers
 * `202` with PASSWORD_RESET_ANSWER) whether or not an account matched; throws only `429` past the
 * limits — for unknown identifiers exactly as for known ones — or on a fault.
 */
export async function requestPasswordReset(input: { identifier: string }, target: LoginTarget, origin: AuditOrigin): Promise<void> {
  const started = Date.now();
  try {
    const identifier = parseIdentifier(input.identifier);
    const user = identifier
      ? await prisma.user.findFirst({
          where: identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value },
          select: { id: true, clientId: true, email: true, phone: true, fullName: true, isActive: true, sessionEpoch: true },
        })
      : null;
    // Counted per account when there is one (whichever of its identifiers was typed), else per
    // identifier; and per address. Past either, 429 — before anything is sent.
    await countResetRequest(accountKey(user?.id ?? null, identifier?.value ?? input.identifier.toLowerCase(), "reset"), origin.ip);

    const label = identifier?.value ?? input.identifier.slice(0, 254);
    // Only an active account at home on this host gets a link: a school's staff on their school's
    // host, platform staff on the platform's. Anything else is answered as an unknown address.
    const eligible = user?.isActive && user.clientId === target.schoolId ? user : null;
    // The answer does not wait for these writes: under load a link and its message take longer
    // than an audit row alone, and the answer's time would tell them apart (bench/RESULTS.md,
    // "Forgotten passwords"). Up to here both paths did the same work; the answer now waits for the
    // floor only. A write that fails after it is logged — nothing half-written (one transaction),
    // and the person asks again.
    const writes = eligible ? sendResetLink(eligible, target, origin, label) : recordUnknownRequest(target, origin, label);
    writes.catch((error) =>
      log.error({ err: error, audience: target.audience }, "password reset request: writing failed after the answer"),
    );
  } finally {
    // Also before a 429 or an error: how long the answer took never tells one case from another.
    await sleep(Math.max(0, RESET_ANSWER_FLOOR_MS - (Date.now() - started)));
  }
}

/** A request that matched no account here: its audit row only (no user named). */
async function recordUnknownRequest(target: LoginTarget, origin: AuditOrigin, label: string): Promise<void> {
  await recordAudit(
    {
      action: `${target.audience}.password_reset.requested`,
      schoolId: target.schoolId,
      actor: { userId: null, label },
      metadata: { account: false },
    },
    origin,
  );
}

/** A new reset link for `user` (older ones revoked), its message and the audit row, in one transaction. */
async function sendResetLink(
  user: { id: string; clientId: string | null; email: string | null; phone: string | null; fullName: string; sessionEpoch: number },
  target: LoginTarget,
  origin: AuditOrigin,
  label: string,
): Promise<void> {
  const validSeconds = env().SMS_RESET_TTL;
  await withHostScope(target.schoolId, async (tx) => {
    const { token } = await issueAccountLink(tx, { user, purpose: "password_reset", validSeconds });
    await notifyUser(tx, {
      user,
      schoolId: user.clientId,
      kind: "password_reset",
      render: (sender) =>
        passwordResetMessage({
          sender,
          fullName: user.fullName,
          link: `${sender.origin}${resetPath(user.clientId)}?token=${token}`,
          validSeconds,
        }),
    });
    await audit(
      tx,
      {
        action: `${target.audience}.password_reset.requested`,
        schoolId: target.schoolId,
        actor: { userId: user.id, label },
        target: { type: "user", id: user.id },
        metadata: { account: true, channel: user.email ? "email" : "sms" },
      },
      origin,
    );
  });
}

/**
 * Spends a reset link: the new password is set, a temporary one stops being one, an invitation
 * still open is thereby accepted, every session ends (and with the epoch, every other link), and
 * the owner is told. A link of another host, used, replaced or expired is `400 token_not_valid`.
 */
export async function confirmPasswordReset(
  input: { token: string; new_password: string },
  target: LoginTarget,
  origin: AuditOrigin,
): Promise<void> {
  const passwordHash = await hashPassword(input.new_password);
  await withHostScope(target.schoolId, async (tx) => {
    const user = await spendAccountLink(tx, { token: input.token, purpose: "password_reset", schoolId: target.schoolId });
    const changedAt = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, invitedAt: null, passwordChangedAt: changedAt, passwordChangeRequired: false },
    });
    const revoked = await endEverySession(tx, user.id, "password_reset");
    await audit(
      tx,
      {
        action: `${target.audience}.password_reset.used`,
        schoolId: target.schoolId,
        actor: { userId: user.id, label: user.email ?? user.phone },
        target: { type: "user", id: user.id },
        metadata: { sessions_revoked: revoked, ...(user.invitedAt ? { accepted_invitation: true } : {}) },
      },
      origin,
    );
    await notifyUser(tx, {
      user,
      schoolId: user.clientId,
      kind: "password_changed",
      render: (sender) => passwordChangedMessage({ sender, fullName: user.fullName, at: changedAt }),
    });
  });
}
