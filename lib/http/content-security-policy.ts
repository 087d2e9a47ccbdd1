// The Content-Security-Policy of our answers (hardening issue, item 3). Pure: middleware.ts runs
// on the edge runtime and builds the pages' policy with a fresh nonce per request.
//
// Pages: scripts only from this origin and carrying the request's nonce ('strict-dynamic' lets
// the scripts Next.js loads from them run too); no plugins; no <base>; forms post only here;
// never framed (the console's delete-school and create-key dialogs must not be clickjacked).
// Styles allow 'unsafe-inline' because the dialog and menu primitives set style attributes,
// which a nonce cannot cover; images allow data: URLs (generated images such as QR codes).

/** For JSON and other non-document answers: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code (call stacks, fast refresh); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 128 random bits, base64 (Web Crypto, so it also runs on the edge runtime). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
