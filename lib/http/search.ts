// Free text matched as text: Prisma's `contains` / `startsWith` become SQL LIKE patterns without
// escaping, so `_` and `%` typed by a user would match anything. Escape them (and the escape
// character itself).
export function likeText(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
