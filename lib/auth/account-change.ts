// An admin's change to someone else's account — name, email, phone, active, a temporary password —
// as the console (a school's user) and a school's staff pages (a colleague) both write it: the
// "email or phone" rule on the result, the row, and the end of every session when the change
// deactivates the account or sets its password (not even a login opening right now survives).
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/api-error";
import { CONTACT_RULE } from "@/lib/users/user-schemas";
import { temporaryPassword } from "@/lib/users/temporary-password";
import { endEverySession } from "@/lib/auth/sessions";

export interface AccountChange {
  email?: string | null;
  phone?: string | null;
  full_name?: string;
  is_active?: boolean;
}

/** Refuses a change that would leave the account with neither an email nor a phone. */
export function assertContactKept(before: { email: string | null; phone: string | null }, patch: AccountChange): void {
  const after = {
    email: patch.email === undefined ? before.email : patch.email,
    phone: patch.phone === undefined ? before.phone : patch.phone,
  };
  const [holds, { message }] = CONTACT_RULE;
  if (!holds(after)) throw ApiError.invalid({ non_field_errors: [message] });
}

/** Writes the change; returns how many live sessions it ended. */
export async function writeAccountChange(
  tx: Pick<Prisma.TransactionClient, "user" | "refreshFamily">,
  id: string,
  patch: AccountChange,
  passwordHash: string | undefined,
): Promise<number> {
  await tx.user.update({
    where: { id },
    data: {
      email: patch.email,
      phone: patch.phone,
      fullName: patch.full_name,
      isActive: patch.is_active,
      ...(passwordHash ? temporaryPassword(passwordHash) : {}),
    },
    select: { id: true },
  });
  if (patch.is_active === false || passwordHash) {
    return endEverySession(tx, id, patch.is_active === false ? "user_deactivated" : "password_change");
  }
  return 0;
}
