// Reading the platform session id out of a freshly minted access token (for the console cookie).
import { verifyToken } from "@/lib/auth/tokens";

export async function claimsOfVerified(access: string) {
  return verifyToken(access, { type: "access", aud: "system" });
}
