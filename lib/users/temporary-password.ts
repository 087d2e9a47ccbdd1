// A password an admin sets for someone else (the REST contract §8 "Passwords") is temporary: the
// user must choose their own before their tokens reach anything but auth/password, me and logout.
import { ApiError } from "@/lib/http/api-error";

/** The user row's columns for a password an admin set: the hash, when, and that it must change. */
export function temporaryPassword(passwordHash: string) {
  return { passwordHash, passwordChangedAt: new Date(), passwordChangeRequired: true } as const;
}

/**
 * An admin's PATCH may not set their own password: that is POST …/auth/password/, which asks for the
 * current one and keeps the caller's session (a temporary password of one's own would lock one out).
 */
export function refuseOwnPassword(actorId: string | null, targetId: string, password: string | undefined): void {
  if (password !== undefined && actorId === targetId) {
    throw ApiError.invalid({ password: ["Change your own password with POST /auth/password/ (it asks for the current one)."] });
  }
}
