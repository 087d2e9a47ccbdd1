// The login flow shared by system and school auth (the REST contract §3–4).
//
// Order matters for what an attacker can learn: throttling is checked before the password (a
// locked account answers 429 even to the right password), the password is always verified (an
// unknown identifier pays for a dummy hash), and every wrong answer that does not prove the
// password right has the same body.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { auditStatement, recordAudit, type AuditEntry, type AuditOrigin } from "@/lib/audit/record-audit";
import { parseIdentifier } from "@/lib/credentials/identifier";
import { accountKey, beginLoginAttempt, type AttemptOutcome, type LoginAttempt } from "@/lib/auth/login-throttle";
import { spendSecondFactor, type SecondFactor } from "@/lib/auth/mfa";
import { verifyPassword } from "@/lib/credentials/password";
import { PresentedPassword } from "@/lib/credentials/rules";
import { SESSION_REFUSED, newSession, signPair, type TokenPair } from "@/lib/auth/sessions";
import { PUBLIC_USER_COLUMNS, userOfRow, type PublicUser, type PublicUserRow } from "@/lib/users/user-schemas";
import type { Audience } from "@/lib/auth/tokens";
import { mfaEnrolmentRequired } from "@/lib/auth/authenticate";
import { toUserOut } from "@/lib/users/user-schemas";
import { prepared, runScript, schoolContext, schoolRead, type SqlText, type ReadPlan } from "@/lib/db/sql-script";

const IdentifierString = z
  .string()
  .trim()
  .min(1, "This field may not be blank.")
  .max(254, "Ensure this field has no more than 254 characters.");

export const LoginBody = z
  .object({
    identifier: IdentifierString.optional().describe("Email or phone number"),
    email: IdentifierString.optional().describe("Alternative to identifier"),
    phone: IdentifierString.optional().describe("Alternative to identifier"),
    password: PresentedPassword,
  })
  .refine((b) => b.identifier ?? b.email ?? b.phone, {
    message: "Provide identifier (email or phone).",
    path: ["identifier"],
    // Also when the password is missing, so an empty body names every missing field at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  .meta({ id: "LoginBody" });

export type LoginInput = z.infer<typeof LoginBody>;

export interface LoginTarget {
  audience: Audience;
  /** The tenant the login happens on (school auth); null for system auth. */
  schoolId: string | null;
}

/**
 * The audit of a login that did not succeed. A school's trail names only its own users: an attempt
 * on its host with the identifier of an account from elsewhere (a platform admin, another school's
 * teacher) is recorded there exactly as one with an unknown identifier — no user id, and a plain
 * failure even when the password was right — and the platform's trail keeps who it really was.
 */
function attemptAudit(
  action: string,
  target: LoginTarget,
  row: { id: string; client_id: string | null } | undefined,
  label: string,
): AuditEntry[] {
  if (!row || target.schoolId === null || row.client_id === target.schoolId) {
    return [{ action, schoolId: target.schoolId, actor: { userId: row?.id ?? null, label } }];
  }
  return [
    { action: "school.login.failed", schoolId: target.schoolId, actor: { userId: null, label } },
    { action, schoolId: null, actor: { userId: row.id, label }, metadata: { school: target.schoolId, account_elsewhere: true } },
  ];
}

function failed(): ApiError {
  return new ApiError(401, "authentication_failed", "No active account found with the given credentials.");
}

const USER_COLUMNS = `${PUBLIC_USER_COLUMNS}, u.password_hash, u.session_epoch`;
const userByEmail = prepared(`SELECT ${USER_COLUMNS} FROM users u WHERE u.email = $1::text`);
const userByPhone = prepared(`SELECT ${USER_COLUMNS} FROM users u WHERE u.phone = $1::text`);
const touchLastLogin = prepared("UPDATE users SET last_login = $2::timestamptz WHERE id = $1::uuid");

interface UserRow extends PublicUserRow {
  password_hash: string;
  session_epoch: number;
}

/** How long an mfa_token waits for its code (the REST contract §8). */
const MFA_CHALLENGE_SECONDS = 300;

// A login waiting for its second factor, opened only while the user is still active, has two-factor
// on and is in the epoch whose password was verified (else nothing is written: `session_refused`).
// Expired challenges of the user go in the same statement. $1 the token's hash, $2 the audience,
// $3 seconds valid, $4 the user, $5 the epoch.
const insertChallenge = prepared(`
  WITH challenge AS (
    INSERT INTO mfa_challenges (token_hash, user_id, client_id, audience, session_epoch, expires_at)
    SELECT $1::text, u.id, u.client_id, $2::token_audience, u.session_epoch, now() + make_interval(secs => $3::int)
    FROM users u
    WHERE u.id = $4::uuid AND u.is_active AND u.mfa_enabled AND u.session_epoch = $5::int
    RETURNING 1
  ), pruned AS (
    DELETE FROM mfa_challenges WHERE user_id = $4::uuid AND expires_at < now()
  )
  SELECT sms_assert(EXISTS (SELECT 1 FROM challenge), 'session_refused')`);

// The challenge of an mfa_token and its user. $1 the token's hash.
const challengeByHash = prepared(`
  SELECT ${USER_COLUMNS}, c.audience::text AS challenge_audience, c.client_id AS challenge_client_id,
         c.session_epoch AS challenge_epoch, (c.used_at IS NULL AND c.expires_at > now()) AS challenge_live
  FROM mfa_challenges c JOIN users u ON u.id = c.user_id
  WHERE c.token_hash = $1::text`);

interface ChallengeRow extends UserRow {
  challenge_audience: string;
  challenge_client_id: string | null;
  challenge_epoch: number;
  challenge_live: boolean;
}

const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

function tokenInvalid(): ApiError {
  return new ApiError(401, "token_not_valid", "Token is invalid or expired.");
}

/** A login's answer: tokens, or (two-factor on) an mfa_token to send with a code to …/auth/mfa/verify/. */
export type LoginResult<R> = { mfaRequired: false; user: PublicUser; tokens: TokenPair; read: R } | { mfaRequired: true; mfaToken: string };

/**
 * Logs in. A successful login writes everything it writes — last login, the session and its first
 * refresh token, the audit row — in one message (one transaction), and `read`, the caller's reads
 * for the user's school (the school profile), rides along in it under that school's row-level
 * security: one round trip after the password check.
 *
 * With two-factor on, a right password opens a challenge instead (one message too) and answers its
 * mfa_token: not a success yet, so the account's failures do not start over (the attempt's slot is
 * given back, nothing counted).
 */
export async function login<R = undefined>(
  input: LoginInput,
  target: LoginTarget,
  origin: AuditOrigin,
  read?: (userId: string) => ReadPlan<R>,
): Promise<LoginResult<R>> {
  const raw = (input.identifier ?? input.email ?? input.phone)!;
  const identifier = parseIdentifier(raw);
  const row = identifier
    ? ((await runScript([(identifier.kind === "email" ? userByEmail : userByPhone).run(identifier.value)]))[0].rows[0] as
        | UserRow
        | undefined)
    : undefined;
  const account = accountKey(row?.id ?? null, identifier?.value ?? raw.trim().toLowerCase());
  const attempt = await beginLoginAttempt(account, origin.ip);
  // Every path below ends the attempt exactly once (its slot on the counters); `ended` says when
  // that is done, so that an error anywhere still gives the slot back.
  let ended = false;
  const finish = (outcome: AttemptOutcome) => {
    ended = true;
    return attempt.finish(outcome);
  };
  try {
    const passwordOk = await verifyPassword(row?.password_hash ?? null, input.password);
    const label = identifier?.value ?? raw.slice(0, 254);
    const belongsHere = row ? row.client_id === target.schoolId : false;

    if (!row || !passwordOk || !row.is_active || (target.audience === "school" && row.client_id !== null && !belongsHere)) {
      await Promise.all([finish("failed"), recordAudit(attemptAudit(`${target.audience}.login.failed`, target, row, label), origin)]);
      throw failed();
    }
    if (!belongsHere) {
      // The password was proven right: the account's failures start over, whatever follows.
      await Promise.all([finish("succeeded"), recordAudit(attemptAudit(`${target.audience}.login.refused`, target, row, label), origin)]);
      // Right password, wrong kind of account: a school user on system auth or a platform user on
      // school auth. Saying so is safe — they proved the password.
      throw ApiError.permissionDenied(
        target.audience === "system"
          ? "School accounts cannot use system authentication; sign in on your school's address."
          : "Platform accounts cannot use school authentication.",
      );
    }

    if (row.mfa_enabled) {
      const mfaToken = randomBytes(32).toString("base64url");
      await runScript([
        insertChallenge.run(tokenHashOf(mfaToken), target.audience, MFA_CHALLENGE_SECONDS, row.id, row.session_epoch),
        attempt.end("abandoned"),
        auditStatement(
          {
            schoolId: target.schoolId,
            actor: { userId: row.id, label },
            action: `${target.audience}.login.mfa_required`,
            target: { type: "user", id: row.id },
          },
          origin,
        ),
      ]).catch(async (error: { code?: string }) => {
        if (error?.code !== SESSION_REFUSED) throw error;
        await recordAudit(attemptAudit(`${target.audience}.login.failed`, target, row, label), origin);
        throw failed();
      });
      ended = true; // the script ended the attempt with its writes
      return { mfaRequired: true, mfaToken };
    }

    const result = await openLogin(row, target, origin, read, attempt, label, {}, async () => {
      // The credentials changed (or the account was deactivated) while the password was being
      // verified: the password this attempt proved is no longer the account's.
      await recordAudit(attemptAudit(`${target.audience}.login.failed`, target, row, label), origin);
      return failed();
    });
    ended = true; // the script ended the attempt with its writes
    return result;
  } finally {
    if (!ended) await attempt.finish("abandoned").catch(() => undefined);
  }
}

/**
 * The second step of a login with two-factor on (POST …/auth/mfa/verify/): the mfa_token of the
 * first and a code of the app or a recovery code. A right code answers exactly what a login does;
 * a wrong one is a failed login on the account's and the address's counters (so codes cannot be
 * guessed faster than passwords); an unknown, spent or expired mfa_token — or one of another
 * audience or school, or of a user whose credentials changed since — is `401 token_not_valid`.
 */
export async function verifyMfaLogin<R = undefined>(
  input: { mfa_token: string; code: string },
  target: LoginTarget,
  origin: AuditOrigin,
  read?: (userId: string) => ReadPlan<R>,
): Promise<{ user: PublicUser; tokens: TokenPair; read: R }> {
  const tokenHash = tokenHashOf(input.mfa_token);
  const row = (await runScript([challengeByHash.run(tokenHash)]))[0].rows[0] as ChallengeRow | undefined;
  if (
    !row?.challenge_live ||
    row.challenge_audience !== target.audience ||
    row.challenge_client_id !== target.schoolId ||
    row.client_id !== target.schoolId ||
    row.session_epoch !== row.challenge_epoch ||
    !row.is_active
  ) {
    throw tokenInvalid();
  }
  const attempt = await beginLoginAttempt(accountKey(row.id, ""), origin.ip);
  let ended = false;
  try {
    const label = row.email ?? row.phone ?? row.id;
    const factor = await spendSecondFactor({
      tokenHash,
      userId: row.id,
      schoolId: row.client_id,
      audience: target.audience,
      code: input.code,
      origin,
    });
    if (!factor) {
      ended = true;
      await Promise.all([
        attempt.finish("failed"),
        recordAudit(
          {
            action: `${target.audience}.mfa.failed`,
            schoolId: target.schoolId,
            actor: { userId: row.id, label },
            target: { type: "user", id: row.id },
          },
          origin,
        ),
      ]);
      throw new ApiError(401, "authentication_failed", "The code is not valid.");
    }
    const result = await openLogin(row, target, origin, read, attempt, label, { second_factor: factor }, async () => tokenInvalid());
    ended = true;
    return result;
  } finally {
    if (!ended) await attempt.finish("abandoned").catch(() => undefined);
  }
}

const userById = prepared(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1::uuid`);

/**
 * Signs in a user who proved themselves another way than a password typed at login — an
 * invitation's link spent with the password they chose — and answers exactly what a login does.
 * `how` is recorded on the login's audit row.
 */
export async function signInProven<R = undefined>(
  userId: string,
  target: LoginTarget,
  origin: AuditOrigin,
  how: "invitation",
  read?: (userId: string) => ReadPlan<R>,
): Promise<{ user: PublicUser; tokens: TokenPair; read: R }> {
  const row = (await runScript([userById.run(userId)]))[0].rows[0] as UserRow | undefined;
  if (!row) throw failed();
  return openLogin(row, target, origin, read, null, row.email ?? row.phone ?? row.id, { via: how }, async () => failed());
}

/**
 * Opens the session of a login whose credentials were proven: last login, the session, the end of
 * the attempt (the account's failures start over) and the audit row in one message, the caller's
 * school reads riding along. `refused` is the answer when the session was refused because the
 * user's credentials changed meanwhile.
 */
async function openLogin<R>(
  row: UserRow,
  target: LoginTarget,
  origin: AuditOrigin,
  read: ((userId: string) => ReadPlan<R>) | undefined,
  attempt: LoginAttempt | null,
  label: string,
  metadata: { second_factor?: SecondFactor; via?: string },
  refused: () => Promise<ApiError>,
): Promise<{ mfaRequired: false; user: PublicUser; tokens: TokenPair; read: R }> {
  const lastLogin = new Date();
  const subject = { userId: row.id, clientId: row.client_id, audience: target.audience };
  const session = newSession({ ...subject, sessionEpoch: row.session_epoch }, origin);
  const writes: SqlText[] = [
    // First, so that it waits for a password change or deactivation in progress (its row lock),
    // after which the session statement sees the new epoch and refuses.
    touchLastLogin.run(row.id, lastLogin.toISOString()),
    ...session.statements,
    ...(attempt ? [attempt.end("succeeded")] : []),
    auditStatement(
      {
        schoolId: target.schoolId,
        actor: { userId: row.id, label },
        action: `${target.audience}.login.succeeded`,
        target: { type: "user", id: row.id },
        ...(Object.keys(metadata).length ? { metadata } : {}),
      },
      origin,
    ),
  ];
  const schoolId = row.client_id;
  const plan = read && schoolId ? read(row.id) : null;
  const script = plan && schoolId ? [...writes, schoolContext(schoolId), ...plan.statements] : writes;
  // The writes and the signing are independent: together, not one after another.
  const [results, tokens] = await Promise.all([
    runScript(script).catch(async (error: { code?: string }) => {
      if (error?.code !== SESSION_REFUSED) throw error;
      throw await refused();
    }),
    signPair(subject, session.familyId, session.refreshJti, session.expiresAt),
  ]);
  const publicUser: PublicUser = { ...userOfRow(row), lastLogin };
  const readResult =
    plan && schoolId
      ? await plan.result(
          results.slice(writes.length + 1).map((r) => r.rows),
          (statements) => schoolRead<unknown[][]>(schoolId, statements),
        )
      : undefined;
  return { mfaRequired: false, user: publicUser, tokens, read: readResult as R };
}

/** The system login's answer (login and its second step alike). */
export function systemLoginAnswer(user: PublicUser, tokens: TokenPair) {
  return {
    ...tokens,
    user: toUserOut(user),
    password_change_required: user.passwordChangeRequired,
    mfa_enrolment_required: mfaEnrolmentRequired(user),
  };
}
