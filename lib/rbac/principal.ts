// Who is acting on a request: a signed-in user (a platform user, or a school's staff member), or an
// API key. Every write takes its actor (lib/audit/actor.ts) from one of these.
import type { PublicUser } from "@/lib/users/user-schemas";

export interface UserPrincipal {
  kind: "user";
  user: PublicUser;
  /** The login session (refresh family) the request belongs to. */
  sessionId: string;
  /** The user's permissions in the request's school, when authentication already read them. */
  permissions?: Set<string>;
  /**
   * The two-factor policy holds the user to enrol before anything else (lib/auth/authenticate.ts
   * `mfaEnrolmentRequired`), as the authentication read it; absent where it was not read.
   */
  mfaEnrolmentRequired?: boolean;
}

export interface ApiKeyPrincipal {
  kind: "api_key";
  keyId: string;
  name: string;
  prefix: string;
  /** The key's school; null for a global key. */
  clientId: string | null;
  scopes: string[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;
