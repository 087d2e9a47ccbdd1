// The login flow shared by system and school auth (API.md §3–4).
//
// Order matters for what an attacker can learn: throttling is checked before the password (a
// locked account answers 429 even to the right password), the password is always verified (an
// unknown identifier pays for a dummy hash), and every wrong answer that does not prove the
// password right has the same body.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { recordAudit, type AuditOrigin } from "@/lib/audit/record-audit";
import { parseIdentifier } from "@/lib/auth/identifier";
import { accountKey, beginLoginAttempt } from "@/lib/auth/login-throttle";
import { PresentedPassword, verifyPassword } from "@/lib/auth/password";
import { openSession, type TokenPair } from "@/lib/auth/sessions";
import { publicUserSelect } from "@/lib/auth/authenticate";
import type { PublicUser } from "@/lib/users/user-schemas";
import type { Audience } from "@/lib/auth/tokens";

const IdentifierString = z.string().trim().min(1, "This field may not be blank.").max(254, "Ensure this field has no more than 254 characters.");

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
  tenantId: string | null;
}

function failed(): ApiError {
  return new ApiError(401, "authentication_failed", "No active account found with the given credentials.");
}

export async function login(input: LoginInput, target: LoginTarget, origin: AuditOrigin): Promise<{ user: PublicUser; tokens: TokenPair }> {
  const raw = (input.identifier ?? input.email ?? input.phone)!;
  const identifier = parseIdentifier(raw);
  const user = identifier
    ? await prisma.user.findUnique({
        where: identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value },
        select: { ...publicUserSelect, passwordHash: true },
      })
    : null;
  const account = accountKey(user?.id ?? null, identifier?.value ?? raw.trim().toLowerCase());
  const attempt = await beginLoginAttempt(account, origin.ip);

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const audit = { clientId: target.tenantId, actor: { userId: user?.id ?? null, label: identifier?.value ?? raw.slice(0, 254) } };
  const belongsHere = user ? user.clientId === target.tenantId : false;

  if (!user || !passwordOk || !user.isActive || (target.audience === "school" && user.clientId !== null && !belongsHere)) {
    await recordAudit({ ...audit, action: `${target.audience}.login.failed` }, origin);
    throw failed();
  }
  await attempt.succeeded(); // the password was proven right, whatever follows
  if (!belongsHere) {
    // Right password, wrong kind of account: a school user on system auth or a platform user on
    // school auth. Saying so is safe — they proved the password.
    await recordAudit({ ...audit, action: `${target.audience}.login.refused` }, origin);
    throw ApiError.permissionDenied(
      target.audience === "system"
        ? "School accounts cannot use system authentication; sign in on your school's address."
        : "Platform accounts cannot use school authentication.",
    );
  }

  const lastLogin = new Date();
  await prisma.user.update({ where: { id: user.id }, data: { lastLogin }, select: { id: true } });
  const tokens = await openSession({ userId: user.id, clientId: user.clientId, audience: target.audience }, origin);
  await recordAudit({ ...audit, action: `${target.audience}.login.succeeded`, target: { type: "user", id: user.id } }, origin);
  const { passwordHash: _hash, ...publicUser } = user;
  return { user: { ...publicUser, lastLogin }, tokens };
}
