// The refresh, logout and password-change actions, the same for both audiences.
import { inputRules } from "@/lib/env";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit, recordAudit, type AuditOrigin } from "@/lib/audit/record-audit";
import { auditActor } from "@/lib/audit/actor";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { accountKey, beginLoginAttempt } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/credentials/password";
import { NewPassword } from "@/lib/credentials/rules";
import { endEverySession, revokeFamilies, rotateRefreshToken, schoolOfRefreshToken, type TokenPair } from "@/lib/auth/sessions";
import { schoolErrors } from "@/lib/schools/resolve-school";
import { verifyToken, type Audience } from "@/lib/auth/tokens";
import { zodFieldErrors } from "@/lib/http/errors";
import { notifyUser } from "@/lib/messages/outbox";
import { passwordChangedMessage } from "@/lib/messages/templates";

export async function refreshSession(
  refresh: string,
  audience: Audience,
  schoolId: string | null,
  origin: AuditOrigin,
): Promise<TokenPair> {
  try {
    const { access, refresh: next } = await rotateRefreshToken(refresh, audience, schoolId, origin);
    return { access, refresh: next };
  } catch (error) {
    if (error instanceof ApiError && error.code === "token_not_valid") {
      await recordAudit({ action: `${audience}.token.refresh_refused`, schoolId: schoolId }, origin);
    }
    throw error;
  }
}

/**
 * The school of a logout that names none by host or X-Tenant and has no Bearer token (which would
 * name its own): the refresh token's.
 */
export async function schoolOfLogout(body: { refresh?: string }): Promise<string> {
  if (!body.refresh) throw schoolErrors.required();
  return schoolOfRefreshToken(body.refresh);
}

export async function logout(
  input: { refresh?: string; all?: true },
  audience: Audience,
  schoolId: string | null,
  principal: UserPrincipal | undefined,
  origin: AuditOrigin,
): Promise<void> {
  if (input.all) {
    if (!principal) throw new ApiError(401, "not_authenticated", 'Logging out everywhere ("all") needs a Bearer access token.');
    await revokeFamilies({ userId: principal.user.id }, "logout_all", {
      event: (count) => ({
        action: `${audience}.logout.all`,
        schoolId,
        actor: auditActor(principal),
        target: { type: "user", id: principal.user.id },
        metadata: { sessions_revoked: count },
      }),
      origin,
      always: true,
    });
    return;
  }
  const claims = await verifyToken(input.refresh, { type: "refresh", aud: audience });
  if ((claims.tid ?? null) !== schoolId) throw new ApiError(401, "token_not_valid", "Token is invalid or expired.");
  if (principal && principal.user.id !== claims.sub) throw ApiError.permissionDenied("That session belongs to another user.");
  await revokeFamilies({ id: claims.sid }, "logout", {
    event: () => ({ action: `${audience}.logout`, schoolId, actor: { userId: claims.sub }, target: { type: "session", id: claims.sid } }),
    origin,
    always: true,
  });
}

/**
 * The caller changes their own password: every other session of theirs ends, theirs goes on, and a
 * temporary password an admin set stops being one (password_change_required is cleared).
 */
export async function changePassword(
  input: { old_password: string; new_password: string },
  principal: UserPrincipal,
  audience: Audience,
  schoolId: string | null,
  origin: AuditOrigin,
): Promise<void> {
  const checked = NewPassword(inputRules()).safeParse(input.new_password);
  if (!checked.success) throw ApiError.invalid({ new_password: zodFieldErrors(checked.error).non_field_errors ?? ["Invalid password."] });
  const user = principal.user;
  // A stolen access token must not become an oracle for the password: wrong old passwords count
  // against the account exactly like failed logins.
  const attempt = await beginLoginAttempt(accountKey(user.id, ""), origin.ip);
  let ended = false;
  try {
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(stored.passwordHash, input.old_password))) {
      ended = true;
      await attempt.finish("failed");
      throw ApiError.invalid({ old_password: ["Your old password was entered incorrectly."] });
    }
    const passwordHash = await hashPassword(input.new_password);
    await prisma.$transaction(async (tx) => {
      const changedAt = new Date();
      const owner = await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: changedAt, passwordChangeRequired: false },
        select: { email: true, phone: true, fullName: true },
      });
      // Every other session ends; the caller's own goes on (moved to the new epoch).
      const count = await endEverySession(tx, user.id, "password_change", principal.sessionId);
      await audit(
        tx,
        {
          action: `${audience}.password.changed`,
          schoolId,
          actor: auditActor(principal),
          target: { type: "user", id: user.id },
          metadata: { sessions_revoked: count },
        },
        origin,
      );
      // "Your password was changed", to the owner (not to whoever holds their session): it goes
      // out only if the change commits, and its delivery never holds up the answer.
      await notifyUser(tx, {
        user: owner,
        schoolId,
        kind: "password_changed",
        render: (sender) => passwordChangedMessage({ sender, fullName: owner.fullName, at: changedAt }),
      });
    });
    ended = true;
    await attempt.finish("succeeded");
  } finally {
    if (!ended) await attempt.finish("abandoned").catch(() => undefined);
  }
}
