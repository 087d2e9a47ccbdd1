// Two-factor sign-in with TOTP (RFC 6238; the REST contract §8): enrolment, its confirmation with
// ten recovery codes, turning it off, the code that completes a login, and an admin's reset.
//
// - Codes are the authenticator apps' standard: HMAC-SHA1, 6 digits, 30 s steps, accepted one step
//   either side of now (clock drift). The secret (160 bits) is sealed at rest with the same key as
//   the JWT signing keys (lib/auth/secret-box.ts).
// - A code works once: the last accepted time-step is kept on the user and only a later step is
//   accepted, by one conditional UPDATE (two requests racing with one code: one wins).
// - Recovery codes carry 80 random bits each, so they are kept as plain SHA-256 (a guess per hash
//   cannot find one; argon2 would only cost every sign-in ten slow hashes, as lookup needs the
//   hash of what was typed). Each works once (a conditional UPDATE, like the time-step).
// - The login's half (the mfa_token, the throttle counters, the session) is lib/auth/login.ts.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as OTPAuth from "otpauth";
import { prisma, type Prisma } from "@/lib/db/client";
import { withSchool } from "@/lib/db/school-scope";
import { databaseNow } from "@/lib/db/clock";
import { ApiError } from "@/lib/http/api-error";
import { notifyUser } from "@/lib/messages/outbox";
import { mfaTurnedOffMessage } from "@/lib/messages/templates";
import { audit, type AuditOrigin } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import type { UserPrincipal } from "@/lib/rbac/principal";
import type { Audience } from "@/lib/auth/tokens";
import { open, seal } from "@/lib/auth/secret-box";
import { accountKey, beginLoginAttempt } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/credentials/password";
import { endEverySession } from "@/lib/auth/sessions";

const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";
/** Steps accepted either side of the current one. */
const WINDOW = 1;
const SECRET_BYTES = 20;
const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 without look-alikes: 16 characters × 5 bits = 80 bits a code.
const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

type Db = Prisma.TransactionClient;

function inScope<T>(schoolId: string | null, work: (db: Db) => Promise<T>): Promise<T> {
  return schoolId ? withSchool(schoolId, work) : prisma.$transaction(work);
}

/** The TOTP time-step of an instant (unix seconds / 30). */
export function timeStep(at = Date.now()): number {
  return Math.floor(at / 1000 / PERIOD);
}

function codeAt(secretBase32: string, step: number): string {
  return OTPAuth.HOTP.generate({ secret: OTPAuth.Secret.fromBase32(secretBase32), algorithm: ALGORITHM, digits: DIGITS, counter: step });
}

/**
 * The time-step `code` is the code of, within the window around now and later than `after` (the
 * last step accepted), or null. Later steps are tried first, so a code seen twice is its latest step.
 */
export function matchingStep(secretBase32: string, code: string, after: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = timeStep(now);
  for (let step = current + WINDOW; step >= current - WINDOW; step--) {
    if (after !== null && step <= after) break;
    if (timingSafeEqual(Buffer.from(codeAt(secretBase32, step)), Buffer.from(code))) return step;
  }
  return null;
}

/**
 * A recovery code as typed in its stored form: SHA-256 of the 16 characters. Any case, spaces or
 * dashes; O read as 0 and I or L as 1 (the alphabet has none of them, so a misreading still works).
 */
export function recoveryCodeHash(code: string): string | null {
  const plain = code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-Z]{16}$/.test(plain)) return null;
  return createHash("sha256").update(plain).digest("hex");
}

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** The caller's own user row, with what two-factor needs. */
async function ownRow(db: Db, principal: UserPrincipal) {
  return db.user.findUniqueOrThrow({
    where: { id: principal.user.id },
    select: { id: true, email: true, phone: true, mfaEnabled: true, totpSecret: true, totpLastStep: true },
  });
}

interface OwnOptions {
  principal: UserPrincipal;
  audience: Audience;
  schoolId: string | null;
  origin: AuditOrigin;
}

/**
 * Starts (or starts over) an enrolment: a new secret, kept sealed and not active until a code of it
 * is confirmed. `issuer` is what the authenticator app shows above the code (the school's name,
 * or the platform's host).
 */
export async function startTotpEnrolment(options: OwnOptions & { issuer: string }): Promise<{ secret: string; otpauth_url: string }> {
  const { principal, audience, schoolId, origin } = options;
  const secret = new OTPAuth.Secret({ size: SECRET_BYTES }).base32;
  await inScope(schoolId, async (db) => {
    const { count } = await db.user.updateMany({
      where: { id: principal.user.id, mfaEnabled: false },
      data: { totpSecret: seal(secret), totpLastStep: null },
    });
    if (count === 0) {
      throw ApiError.invalid(
        { non_field_errors: ["Two-factor sign-in is already on. Turn it off first to enrol a new app."] },
        "Two-factor sign-in is already on.",
      );
    }
    await audit(
      db,
      {
        action: `${audience}.mfa.enrolment_started`,
        schoolId,
        actor: auditActor(principal),
        target: { type: "user", id: principal.user.id },
      },
      origin,
    );
  });
  const totp = new OTPAuth.TOTP({
    issuer: options.issuer,
    label: principal.user.email ?? principal.user.phone ?? principal.user.id,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
  return { secret, otpauth_url: totp.toString() };
}

/**
 * Turns two-factor on with the first code of the enrolled secret, and answers ten new recovery
 * codes (any older ones are gone). A wrong code is a 400 naming `code`: the caller holds a session
 * and the secret was just shown to them, so there is nothing to guess here.
 */
export async function confirmTotp(options: OwnOptions & { code: string }): Promise<{ recovery_codes: string[] }> {
  const { principal, audience, schoolId, origin } = options;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await inScope(schoolId, async (db) => {
    const row = await ownRow(db, principal);
    if (row.mfaEnabled) throw ApiError.invalid({ code: ["Two-factor sign-in is already on."] });
    if (!row.totpSecret) throw ApiError.invalid({ code: ["Start the enrolment first (POST …/auth/mfa/totp/)."] });
    const step = matchingStep(open(row.totpSecret), options.code.replace(/\s/g, ""), null);
    if (step === null) throw ApiError.invalid({ code: ["The code is not valid. Enter the current code of your authenticator app."] });
    // The secret confirmed is the one read: an enrolment started over meanwhile wins.
    const { count } = await db.user.updateMany({
      where: { id: row.id, mfaEnabled: false, totpSecret: row.totpSecret },
      data: { mfaEnabled: true, totpLastStep: step },
    });
    if (count === 0) throw ApiError.invalid({ code: ["The enrolment changed meanwhile. Start it again."] });
    await db.mfaRecoveryCode.deleteMany({ where: { userId: row.id } });
    await db.mfaRecoveryCode.createMany({
      data: codes.map((code) => ({ userId: row.id, clientId: schoolId, codeHash: recoveryCodeHash(code)! })),
    });
    await audit(
      db,
      { action: `${audience}.mfa.enabled`, schoolId, actor: auditActor(principal), target: { type: "user", id: row.id } },
      origin,
    );
  });
  return { recovery_codes: codes };
}

/** Everything two-factor keeps about a user, gone: the secret, the recovery codes, pending logins. */
async function clearMfa(db: Db, userId: string): Promise<boolean> {
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaEnabled: true } });
  await db.user.update({ where: { id: userId }, data: { mfaEnabled: false, totpSecret: null, totpLastStep: null }, select: { id: true } });
  await db.mfaRecoveryCode.deleteMany({ where: { userId } });
  await db.mfaChallenge.deleteMany({ where: { userId } });
  return before.mfaEnabled;
}

/**
 * The caller turns two-factor off, proving the password: a stolen access token must not be enough.
 * Wrong passwords count against the account like failed logins (as the password change does).
 */
export async function disableTotp(options: OwnOptions & { password: string }): Promise<void> {
  const { principal, audience, schoolId, origin } = options;
  const attempt = await beginLoginAttempt(accountKey(principal.user.id, ""), origin.ip);
  let ended = false;
  try {
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: principal.user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(stored.passwordHash, options.password))) {
      ended = true;
      await attempt.finish("failed");
      throw ApiError.invalid({ password: ["Your password was entered incorrectly."] });
    }
    await inScope(schoolId, async (db) => {
      const wasOn = await clearMfa(db, principal.user.id);
      if (wasOn) await tellTurnedOff(db, principal.user, schoolId, false);
      await audit(
        db,
        {
          action: `${audience}.mfa.disabled`,
          schoolId,
          actor: auditActor(principal),
          target: { type: "user", id: principal.user.id },
          metadata: { was_enabled: wasOn },
        },
        origin,
      );
    });
    ended = true;
    await attempt.finish("succeeded");
  } finally {
    if (!ended) await attempt.finish("abandoned").catch(() => undefined);
  }
}

/** What completed a login: the app's code or one of the recovery codes. */
export type SecondFactor = "totp" | "recovery_code";

/**
 * The second step of a login, in one transaction: spends the challenge (`tokenHash`) and the code —
 * the time-step (no replay) or the recovery code (single use). Answers which factor it was, or null
 * for a wrong code (nothing spent: the challenge may be tried again, within the throttle's limits).
 * A challenge already spent or expired is a 401 token_not_valid.
 */
export async function spendSecondFactor(options: {
  tokenHash: string;
  userId: string;
  schoolId: string | null;
  audience: Audience;
  code: string;
  origin: AuditOrigin;
}): Promise<SecondFactor | null> {
  const { tokenHash, userId, schoolId, audience, origin } = options;
  const code = options.code.replace(/\s/g, "");
  const wrong = new ApiError(401, "authentication_failed", "The code is not valid.");
  try {
    return await inScope(schoolId, async (db) => {
      const now = await databaseNow(db);
      const spent = await db.mfaChallenge.updateMany({
        where: { tokenHash, userId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count === 0) throw new ApiError(401, "token_not_valid", "Token is invalid or expired.");
      const row = await db.user.findUniqueOrThrow({
        where: { id: userId },
        select: { mfaEnabled: true, totpSecret: true, totpLastStep: true },
      });
      if (!row.mfaEnabled || !row.totpSecret) throw new ApiError(401, "token_not_valid", "Token is invalid or expired.");
      const step = matchingStep(open(row.totpSecret), code, row.totpLastStep);
      if (step !== null) {
        const { count } = await db.user.updateMany({
          where: { id: userId, mfaEnabled: true, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
          data: { totpLastStep: step },
        });
        if (count === 1) return "totp";
        throw wrong; // the same code won a moment ago in another request
      }
      const hash = recoveryCodeHash(code);
      if (hash) {
        const used = await db.mfaRecoveryCode.updateMany({ where: { userId, codeHash: hash, usedAt: null }, data: { usedAt: now } });
        if (used.count === 1) {
          const left = await db.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
          await audit(
            db,
            {
              action: `${audience}.mfa.recovery_code_used`,
              schoolId,
              actor: { userId },
              target: { type: "user", id: userId },
              metadata: { recovery_codes_left: left },
            },
            origin,
          );
          return "recovery_code";
        }
      }
      throw wrong; // rolls the challenge back: not spent
    });
  } catch (error) {
    if (error === wrong) return null;
    throw error;
  }
}

/** Whose two-factor an admin resets: a user of the school `schoolId`, or a platform user (`schoolId: null`). */
export interface MfaOwner {
  userId: string;
  schoolId: string | null;
}

/** "Two-factor sign-in was turned off", to the owner through the outbox, in the change's transaction. */
function tellTurnedOff(
  db: Db,
  user: { email: string | null; phone: string | null; fullName: string },
  schoolId: string | null,
  byAdmin: boolean,
) {
  const at = new Date();
  return notifyUser(db, {
    user,
    schoolId,
    kind: "mfa_disabled",
    render: (sender) => mfaTurnedOffMessage({ sender, fullName: user.fullName, at, byAdmin }),
  });
}

/**
 * An admin turns someone's two-factor off (DELETE …/users/{id}/mfa/): secret, recovery codes and
 * pending logins gone, every session of theirs ended — with its audit row, in one transaction.
 * `check` runs inside it once the user is found (a school's reach rule). Another school's user, or a
 * school's user asked for as a platform one, is a 404.
 */
export async function resetMfa(options: {
  owner: MfaOwner;
  actor: Actor;
  by: "school" | "console" | "platform";
  check?: (db: Db) => Promise<void>;
}): Promise<void> {
  const { owner, actor, by } = options;
  await inScope(owner.schoolId, async (db) => {
    const user = await db.user.findFirst({
      where: { id: owner.userId, clientId: owner.schoolId },
      select: { id: true, email: true, phone: true, fullName: true },
    });
    if (!user) throw ApiError.notFound();
    // One's own goes through DELETE …/auth/mfa/totp/, which asks for the password: an admin's
    // stolen token must not shed its own second factor.
    if (actor.principal.kind === "user" && actor.principal.user.id === user.id) {
      throw ApiError.invalid({
        non_field_errors: ["Turn off your own two-factor sign-in with DELETE …/auth/mfa/totp/ (it asks for your password)."],
      });
    }
    await options.check?.(db);
    const wasOn = await clearMfa(db, user.id);
    const revoked = await endEverySession(db, user.id, "mfa_reset");
    if (wasOn) await tellTurnedOff(db, user, owner.schoolId, true);
    await audit(
      db,
      {
        action: by === "school" ? "school.user.mfa_reset" : by === "console" ? "tenant_user.mfa_reset" : "platform_user.mfa_reset",
        schoolId: owner.schoolId,
        actor: auditActor(actor.principal),
        target: { type: "user", id: user.id },
        metadata: { was_enabled: wasOn, sessions_revoked: revoked },
      },
      actor.origin,
    );
  });
}
