// GET, POST /api/auth/* — next-auth endpoints of the console sign-in (CSRF token, session, sign-out).
// The console exists on the platform host only: on a school's host these paths are 404, so no
// console session can be minted there.
import NextAuth from "next-auth";
import { consoleAuthOptions } from "@/lib/console/auth-options";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { toResponse } from "@/lib/http/errors";
import { classifyHost } from "@/lib/schools/hosts";

const handler = async (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => {
  if (classifyHost(request.headers.get("host"), env().SMS_ROOT_DOMAIN).kind !== "platform") return toResponse(ApiError.notFound());
  return NextAuth(request as never, context as never, consoleAuthOptions());
};

export { handler as GET, handler as POST };
