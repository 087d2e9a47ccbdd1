// Turning a request's credentials into a principal. The token proves who and which session;
// one query then checks what must bite at once: the session is not revoked, the user is active,
// and the user still belongs where the token says.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { verifyToken, type Audience, type TokenClaims } from "@/lib/auth/tokens";
import type { PublicUser } from "@/lib/users/user-schemas";

export interface UserPrincipal {
  kind: "user";
  user: PublicUser;
  sessionId: string;
  claims: TokenClaims;
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "not_authenticated", "Authorization header must be 'Bearer <token>'.");
  return match[1];
}

export const publicUserSelect = {
  id: true, email: true, phone: true, fullName: true, isActive: true, clientId: true,
  platformRole: true, lastLogin: true, dateJoined: true,
} as const;

function invalid(): ApiError {
  return new ApiError(401, "token_not_valid", "Token is invalid or expired.");
}

export async function authenticateAccessToken(token: string, audience: Audience, tenantId: string | null): Promise<UserPrincipal> {
  const claims = await verifyToken(token, { type: "access", aud: audience });
  if ((claims.tid ?? null) !== tenantId) throw invalid();
  const session = await prisma.refreshFamily.findUnique({
    where: { id: claims.sid },
    select: { revokedAt: true, expiresAt: true, userId: true, clientId: true, user: { select: publicUserSelect } },
  });
  if (!session || session.revokedAt || session.userId !== claims.sub) throw invalid();
  const { user } = session;
  if (!user.isActive || user.clientId !== (claims.tid ?? null)) throw invalid();
  return { kind: "user", user, sessionId: claims.sid, claims };
}
