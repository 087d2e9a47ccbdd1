// The console's sign-in: next-auth (v4) with a Credentials provider that runs the very same
// system login as POST /api/v1/system/auth/login/ — throttling, audit and all. The next-auth JWT
// cookie (httpOnly, encrypted, `__Secure-` when served over https) holds only the user id and the
// platform session (refresh family) id; every console request re-checks that session in the
// database, so logout elsewhere, deactivation and password changes end console sessions at once.
// Accepting an invitation signs in too: the provider spends the link (POST
// /api/v1/system/auth/invitation/accept/'s service) and the session is the one it opened.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, inputRules } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { LoginBody, login, verifyMfaLogin } from "@/lib/auth/login";
import { MfaVerifyBody } from "@/lib/auth/mfa-schemas";
import { INVITATION_NOT_VALID, MFA_STEP } from "@/lib/console/mfa-step";
import { InvitationAcceptBody } from "@/lib/auth/account-link-schemas";
import { acceptInvitation } from "@/lib/auth/invitations";
import type { PublicUser } from "@/lib/users/user-schemas";
import type { TokenPair } from "@/lib/auth/sessions";
import { claimsOfVerified } from "@/lib/console/session-token";
import { revokeFamilies } from "@/lib/auth/sessions";
import { originOf } from "@/lib/http/request-context";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

export function consoleAuthOptions(): NextAuthOptions {
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env().SMS_REFRESH_TTL },
    pages: { signIn: "/console/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Platform account",
        credentials: {
          identifier: { label: "Email or phone", type: "text" },
          password: { label: "Password", type: "password" },
          mfa_token: { label: "Sign-in in progress", type: "hidden" },
          code: { label: "Authentication code", type: "text" },
          invitation_token: { label: "Invitation", type: "hidden" },
          full_name: { label: "Your name", type: "text" },
        },
        async authorize(credentials, req) {
          const origin = originOf({ get: (name) => header(req?.headers, name) });
          const signedIn = async (user: PublicUser, tokens: TokenPair) => {
            const { sid } = await claimsOfVerified(tokens.access);
            return { id: user.id, email: user.email, name: user.fullName || user.email || user.phone, sid, role: user.platformRole };
          };
          // An invitation's page: the link's token and the password the person chose (their name, if given).
          if (credentials?.invitation_token) {
            const accept = InvitationAcceptBody(inputRules()).safeParse({
              token: credentials.invitation_token,
              password: credentials.password,
              full_name: credentials.full_name?.trim() ? credentials.full_name : undefined,
            });
            if (!accept.success) throw new Error(accept.error.issues[0]?.message ?? "Choose a password.");
            try {
              const { user, tokens } = await acceptInvitation(accept.data, { audience: "system", schoolId: null }, origin);
              return await signedIn(user, tokens);
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              throw new Error(error.code === "token_not_valid" ? INVITATION_NOT_VALID : error.detail);
            }
          }
          // The second step of a two-factor sign-in: the mfa_token the first answered, and the code.
          if (credentials?.mfa_token) {
            const step = MfaVerifyBody.safeParse({ mfa_token: credentials.mfa_token, code: credentials.code });
            if (!step.success) throw new Error("Enter the code from your authenticator app.");
            try {
              const { user, tokens } = await verifyMfaLogin(step.data, { audience: "system", schoolId: null }, origin);
              return await signedIn(user, tokens);
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              if (error.code === "authentication_failed") throw new Error("That code is not valid.");
              if (error.code === "token_not_valid") throw new Error("Your sign-in took too long. Reload the page and sign in again.");
              throw new Error(error.detail);
            }
          }
          const parsed = LoginBody.safeParse({ identifier: credentials?.identifier, password: credentials?.password });
          if (!parsed.success) throw new Error("Enter your email or phone and your password.");
          try {
            const result = await login(parsed.data, { audience: "system", schoolId: null }, origin);
            // Two-factor on: the form asks for the code and comes back with this token.
            if (result.mfaRequired) throw new Error(`${MFA_STEP}${result.mfaToken}`);
            return await signedIn(result.user, result.tokens);
          } catch (error) {
            // next-auth hands this message to the form.
            if (error instanceof ApiError) throw new Error(error.status === 401 ? "Wrong email/phone or password." : error.detail);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; sid: string; role?: string | null };
          token.sub = u.id;
          token.sid = u.sid;
          token.role = u.role ?? null;
        }
        return token;
      },
      async session({ session, token }) {
        // Only what the browser may know: no session id, no tokens.
        return { ...session, user: { ...session.user, role: (token.role as string | null) ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid;
        if (typeof sid !== "string") return;
        await revokeFamilies({ id: sid }, "logout", {
          event: () => ({
            action: "system.logout",
            actor: { userId: token.sub ?? null },
            target: { type: "session", id: sid },
            metadata: { via: "console" },
          }),
          origin: { ip: null, userAgent: null, requestId: null },
        });
      },
    },
  };
}
