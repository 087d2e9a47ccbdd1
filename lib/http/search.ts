// Free-text filters (?search=, ?actor=, ?action=). Prisma's `contains` / `startsWith` become SQL
// LIKE patterns without escaping, so `_` and `%` typed by a user would match anything: escape
// them (and the escape character itself) so text is matched as text.
import { withoutControlCharacters } from "@/lib/http/query-text";

export function likeText(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The trimmed, length-capped, LIKE-escaped value of a query parameter, or undefined when blank. */
export function searchParam(url: URL, name: string, max = 200): string | undefined {
  // The API refuses control characters before this (lib/http/query-text.ts); pages drop them.
  const raw = withoutControlCharacters(url.searchParams.get(name) ?? "").trim().slice(0, max);
  return raw ? likeText(raw) : undefined;
}
