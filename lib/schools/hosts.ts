// Classifying a request's host (pure, edge-safe: also used by middleware.ts).
//
// The platform host is SMS_ROOT_DOMAIN (plus loopback IP literals, so operators and health
// checks can reach it by address). `<slug>.<root>` is a tenant's subdomain. Any other host may be
// a tenant's custom domain, which only the database can tell.

export type HostKind =
  | { kind: "platform"; host: string }
  | { kind: "subdomain"; host: string; slug: string }
  | { kind: "custom"; host: string };

const LOOPBACK_LITERALS = new Set(["127.0.0.1", "::1", "[::1]"]);

/** Lower-cases a Host header value and strips its port. */
export function normalizeHost(raw: string | null | undefined): string {
  const value = (raw ?? "").trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end > 0 ? value.slice(0, end + 1) : value;
  }
  const colon = value.lastIndexOf(":");
  const host = colon >= 0 ? value.slice(0, colon) : value;
  return host.endsWith(".") ? host.slice(0, -1) : host;
}

export function classifyHost(rawHost: string | null | undefined, rootDomain: string): HostKind {
  const host = normalizeHost(rawHost);
  const root = rootDomain.toLowerCase();
  if (host === root || host === "" || LOOPBACK_LITERALS.has(host)) return { kind: "platform", host };
  if (host.endsWith(`.${root}`)) {
    const label = host.slice(0, -(root.length + 1));
    // Only one label: `a.b.<root>` is not a tenant subdomain.
    if (!label.includes(".")) return { kind: "subdomain", host, slug: label };
  }
  return { kind: "custom", host };
}

/**
 * The sign-in page of school `slug` on its own subdomain, seen from a request to the platform host
 * (`localhost:3000` → `http://greenwood.localhost:3000/sign-in`): same scheme and port.
 */
export function schoolSignInUrl(options: {
  slug: string;
  rootDomain: string;
  platformHost: string | null;
  proto: "http" | "https";
}): string {
  const port = /:(\d+)$/.exec(options.platformHost?.trim() ?? "")?.[1];
  return `${options.proto}://${options.slug}.${options.rootDomain.toLowerCase()}${port ? `:${port}` : ""}/sign-in`;
}
