// The console's sign-in: next-auth (v4) with a Credentials provider that runs the very same
// system login as POST /api/v1/system/auth/login/ — throttling, audit and all. The next-auth JWT
// cookie (httpOnly, encrypted, `__Secure-` when served over https) holds only the user id and the
// platform session (refresh family) id; every console request re-checks that session in the
// database, so logout elsewhere, deactivation and password changes end console sessions at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { LoginBody, login } from "@/lib/auth/login";
import { claimsOfVerified } from "@/lib/console/session-token";
import { revokeFamilies } from "@/lib/auth/sessions";
import { originOf } from "@/lib/http/request-context";

const MFA_NOT_HERE =
  "This account has two-factor sign-in on, and the console cannot ask for the code yet: sign in through the API (POST /api/v1/system/auth/mfa/verify/).";

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
        credentials: { identifier: { label: "Email or phone", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = LoginBody.safeParse({ identifier: credentials?.identifier, password: credentials?.password });
          if (!parsed.success) throw new Error("Enter your email or phone and your password.");
          const origin = originOf({ get: (name) => header(req?.headers, name) });
          try {
            const result = await login(parsed.data, { audience: "system", schoolId: null }, origin);
            // The console has no code step yet: a two-factor account signs in through the API.
            if (result.mfaRequired) throw new ApiError(401, "authentication_failed", MFA_NOT_HERE);
            const { user, tokens } = result;
            const { sid } = await claimsOfVerified(tokens.access);
            return { id: user.id, email: user.email, name: user.fullName || user.email || user.phone, sid, role: user.platformRole };
          } catch (error) {
            // next-auth hands this message to the form.
            if (error instanceof ApiError)
              throw new Error(error.status === 401 && error.detail !== MFA_NOT_HERE ? "Wrong email/phone or password." : error.detail);
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
