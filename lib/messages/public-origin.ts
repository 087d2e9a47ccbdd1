// Where people open the links in their messages (API §8: "links point at the host the user signs
// in on"): the platform host, or a school's subdomain of it, with the deployment's scheme and port.
// Messages are written by whatever caused them — an API call from a script, an admin on the
// console's host — so the address comes from configuration, never from the request's Host.
import { env } from "@/lib/env";

/** `https://example.org` for the platform, `https://greenwood.example.org` for school `greenwood`. */
export function publicOrigin(slug: string | null): string {
  const { SMS_PUBLIC_URL, SMS_ROOT_DOMAIN, PORT } = env();
  const base = new URL(SMS_PUBLIC_URL ?? `http://${SMS_ROOT_DOMAIN}:${PORT}`);
  if (slug) base.hostname = `${slug}.${base.hostname}`;
  return base.origin;
}
