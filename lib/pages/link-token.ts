// The `?token=` of a reset or invitation link as its page reads it: one non-blank value, or null
// (the page then says the link cannot be used, as the server would).
export function linkToken(raw: string | string[] | undefined): string | null {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value && value.length <= 200 ? value : null;
}
