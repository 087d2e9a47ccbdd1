// Where a school's portal is, for a link in the console: its subdomain of the platform's root
// domain, with the scheme and port the console itself was reached on.
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { schoolSignInUrl } from "@/lib/schools/hosts";

export async function portalSignInUrl(slug: string): Promise<string> {
  const h = await headers();
  // x-sms-proto is set by scripts/server.ts only (it drops any a client sends).
  const proto = h.get("x-sms-proto") === "https" ? "https" : "http";
  return schoolSignInUrl({ slug, rootDomain: env().SMS_ROOT_DOMAIN, platformHost: h.get("host"), proto });
}
