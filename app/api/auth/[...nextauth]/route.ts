// GET, POST /api/auth/* — next-auth endpoints of the console sign-in (CSRF token, session, sign-out)
import NextAuth from "next-auth";
import { consoleAuthOptions } from "@/lib/console/auth-options";

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(request as never, context as never, consoleAuthOptions());

export { handler as GET, handler as POST };
