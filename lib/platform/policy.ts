// Who may do what on the platform (the REST contract §5): superadmin and platform_admin do everything,
// support only reads, and only a superadmin creates or changes platform users.
import { ApiError } from "@/lib/http/api-error";
import type { PublicUser } from "@/lib/users/user-schemas";

/** What a system endpoint needs: `read` (any platform role), `write`, `superadmin`, or `any` (own account). */
export type PlatformAccess = "read" | "write" | "superadmin" | "any";

export function canWrite(user: Pick<PublicUser, "platformRole">): boolean {
  return user.platformRole === "superadmin" || user.platformRole === "platform_admin";
}

export function assertPlatformAccess(user: Pick<PublicUser, "platformRole">, access: PlatformAccess): void {
  if (access === "any" || access === "read") return;
  if (access === "write" && canWrite(user)) return;
  if (access === "superadmin" && user.platformRole === "superadmin") return;
  throw ApiError.permissionDenied(
    access === "superadmin" ? "Only a superadmin may create or change platform users." : "Your platform role may only read.",
  );
}
