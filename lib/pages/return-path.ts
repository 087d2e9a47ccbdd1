// Where sign-in sends a user back to: the page they were on, given as `?next=`. Only a path on
// this same host is accepted — never a URL with a scheme or host, a protocol-relative `//evil`,
// a backslash (which browsers read as a slash), or a control character — so the parameter can't
// be used to send someone from our sign-in page to another site (an open redirect).
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const ORIGIN = "http://return.invalid";

/**
 * `raw` as a same-origin path ("/console/schools?search=oak"), or `fallback`. `within` limits it
 * to one app's paths (the console's under /console); the sign-in page itself never qualifies.
 */
export function safeReturnPath(
  raw: string | string[] | null | undefined,
  options: { fallback: string; within?: string; signIn: string },
): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > 2048 || !value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return options.fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return options.fallback;
  }
  if (url.origin !== ORIGIN) return options.fallback;
  const path = url.pathname;
  if (options.within && path !== options.within && !path.startsWith(`${options.within}/`)) return options.fallback;
  if (path === options.signIn || path.startsWith("/api/") || path.startsWith("/_next/")) return options.fallback;
  return `${path}${url.search}${url.hash}`;
}

/** The sign-in page of an app, set to return to `path`. */
export function signInHref(signIn: string, path: string | null): string {
  return path && path !== "/" ? `${signIn}?next=${encodeURIComponent(path)}` : signIn;
}
