// Query strings, typed at the edge (dub's folders route is the model): each list declares a zod
// schema of its parameters; the pipeline parses the query string with it (400 naming the field,
// answered only after the credentials and the permission were checked) and hands the handler — or
// the route's one-round-trip read — typed options. The same schemas write the OpenAPI parameters,
// and the console's and portal's pages parse their own search parameters with them.
import { z } from "zod";
import { isId } from "@/lib/http/ids";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "@/lib/http/pagination";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Free text (a search), trimmed and cut to `max` characters, never holding a control character. */
export const QueryText = (max: number) =>
  z
    .string()
    .refine((v) => !CONTROL.test(v), {
      error: (issue) =>
        String(issue.input).includes("\u0000") ? "Null characters are not allowed." : "Control characters are not allowed.",
    })
    .transform((v) => v.trim().slice(0, max) || undefined)
    .optional();

/** `true` or `false`. */
export const QueryBoolean = z
  .enum(["true", "false"], { message: 'Enter "true" or "false".' })
  .transform((v) => v === "true")
  .optional();

/** The id of an object of this school, as DRF names a bad one. */
export const QueryId = z
  .string()
  .refine(isId, { error: (issue) => `Invalid pk "${String(issue.input).slice(0, 64)}" - object does not exist.` })
  .transform((v) => v.toLowerCase())
  .optional();

/** An id, or `null` (the literal text) for "none". */
export const QueryIdOrNull = (message: string) =>
  z
    .string()
    .refine((v) => v === "null" || isId(v), { error: (issue) => message.replace("{}", String(issue.input).slice(0, 64)) })
    .transform((v) => (v === "null" ? null : v.toLowerCase()))
    .optional();

/** A small non-negative integer (a grade). */
export const QueryInteger = z
  .string()
  .regex(/^\d{1,4}$/, "A valid integer is required.")
  .transform(Number)
  .optional();

// ISO 8601 only: a date, or a date-time with seconds optional and a zone (Z or ±hh:mm). `new Date`
// alone would also take "1" or "12/31/2026", and roll 30 February over into March.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function instant(value: string): Date | null {
  const m = ISO_INSTANT.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendarDay.getUTCMonth() === month - 1 &&
    calendarDay.getUTCDate() === day &&
    (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60));
  return valid ? new Date(m[4] === undefined ? `${value}T00:00:00Z` : value) : null;
}

/** An instant in ISO 8601 (a date alone is its midnight UTC). */
export const QueryInstant = z
  .string()
  .transform((v, ctx) => {
    if (v === "") return undefined;
    const at = instant(v);
    if (!at) ctx.addIssue({ code: "custom", message: "Enter an ISO 8601 date-time, e.g. 2026-11-30T08:00:00Z." });
    return at ?? undefined;
  })
  .optional();

export type SortDirection = "asc" | "desc";

/** One key of a list's order: a field and its direction. */
export interface SortKey<F extends string> {
  readonly field: F;
  readonly direction: SortDirection;
}

/** A list's whole order: the fields asked for, then the tie-breakers — its default order, ending in `id`. */
export type Ordering<F extends string> = readonly SortKey<F | "id">[];

const ORDERING_ITEM = /^(-?)([a-z][a-z0-9_]*)$/;

/** "a, b or c" */
const oneOf = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : (names[0] ?? "");

/**
 * `?ordering=` as DRF's OrderingFilter reads it: a field, `-field` for descending, several separated
 * by commas (spaces around them are ignored), among `fields` only. Unlike DRF, which ignores what
 * it cannot use, an unknown field, an empty item (`,name`), a field named twice or a control
 * character is a 400 naming the allowed fields, as every other bad query value is here.
 *
 * `fallback`, written the same way over `fields` and ending in `id` or `-id`, is the list's order
 * when none is asked for; it also breaks ties after the fields asked for (those of its keys that
 * were not named, in its directions), so that pages never overlap. The output is that whole order,
 * which the domain function maps through its own fixed table of columns (`mapOrdering`).
 */
export function QueryOrdering<const F extends string>(fields: readonly F[], fallback: string) {
  const allowed = new Set<string>(fields);
  const help = `Order by ${oneOf(fields)}; -field for descending, several separated by commas.`;

  const parse = (text: string, known: Set<string>): SortKey<F | "id">[] | string => {
    const keys: SortKey<F | "id">[] = [];
    for (const item of text.split(",").map((s) => s.trim())) {
      if (item === "") return `An empty field. ${help}`;
      const m = ORDERING_ITEM.exec(item);
      if (!m || !known.has(m[2])) return `Unknown field "${item.slice(0, 64)}". ${help}`;
      if (keys.some((k) => k.field === m[2])) return `"${m[2]}" is named more than once. ${help}`;
      keys.push({ field: m[2] as F | "id", direction: m[1] ? "desc" : "asc" });
    }
    return keys;
  };

  const defaults = parse(fallback, new Set([...allowed, "id"]));
  if (typeof defaults === "string" || defaults[defaults.length - 1].field !== "id") {
    throw new Error(`QueryOrdering: the fallback "${fallback}" must name known fields and end in id or -id`);
  }
  const shownDefault = fallback.replace(/,\s*-?id$/, "");

  return z
    .string()
    .optional()
    .transform((text, ctx): Ordering<F> => {
      if (text === undefined) return defaults;
      if (CONTROL.test(text)) {
        // As for every parameter (lib/http/query-text.ts refuses these in the API before any schema runs).
        ctx.addIssue({
          code: "custom",
          message: text.includes("\u0000") ? "Null characters are not allowed." : "Control characters are not allowed.",
        });
        return z.NEVER;
      }
      const keys = parse(text, allowed);
      if (typeof keys === "string") {
        ctx.addIssue({ code: "custom", message: keys });
        return z.NEVER;
      }
      return [...keys, ...defaults.filter((d) => !keys.some((k) => k.field === d.field))];
    })
    .describe(
      `Sort by ${oneOf(fields)}; -field for descending, several separated by commas (default: ${shownDefault}). ` +
        "Ties keep the default order; nulls sort last in either direction.",
    );
}

/** The fields a `QueryOrdering` schema lets a client name. */
export type OrderingField<S extends z.ZodType> = z.output<S> extends Ordering<infer F> ? Exclude<F, "id"> : never;

/** How a domain function reads each field of an ordering (and the id): a fixed table of its own terms. */
export type OrderColumns<F extends string, T> = { readonly [K in F | "id"]: (direction: SortDirection) => T };

/** A list's default order: what its `QueryOrdering` answers when no ordering is asked for. */
export function defaultOrdering<O>(schema: z.ZodType<O, string | undefined>): O {
  return schema.parse(undefined);
}

/**
 * An ordering in a query's own terms (Prisma's `orderBy`, an SQL ORDER BY): each field through
 * `columns`, a fixed table, so what a client wrote only chooses among terms written here.
 */
export function mapOrdering<F extends string, T>(ordering: Ordering<F>, columns: OrderColumns<F, T>): T[] {
  return ordering.map(({ field, direction }) => columns[field](direction));
}

/**
 * `?page=` (1-based, or `last`) and `?page_size=` (default 50, max 200), read as DRF reads them: an
 * unusable page_size falls back to the default, and a page that is no page is a 404 "Invalid page."
 * (answered by `paginate`, page 0 here), not a 400.
 */
export const PageParams = {
  page: z
    .string()
    .optional()
    .transform((v): number | "last" => (v === undefined ? 1 : v === "last" ? "last" : /^\d{1,9}$/.test(v) ? Number(v) : 0))
    .describe("1-based page number, or last"),
  page_size: z
    .string()
    .optional()
    .transform((v) => (v !== undefined && /^\d{1,6}$/.test(v) && Number(v) > 0 ? Math.min(Number(v), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE))
    .describe(`Results per page (default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE})`),
};

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A list's query: its filters (snake_case on the wire, as the contract names them) and the page,
 * parsed into the typed options its domain function takes: `{ search, isActive, page }`. The
 * schema's `.in` is the wire shape (the OpenAPI parameters).
 */
export function listQuery<T extends z.ZodRawShape>(filters: T) {
  const shape = { ...filters, ...PageParams } as T & typeof PageParams;
  return z.object(shape).transform((query): ListOptions<T> => {
    const { page, page_size, ...rest } = query as { page: number | "last"; page_size: number } & Record<string, unknown>;
    const options = Object.fromEntries(Object.entries(rest).map(([k, v]) => [camel(k), v]));
    return { ...options, page: { page, pageSize: page_size } } as ListOptions<T>;
  });
}

/** What a list's domain function is given: its filters in camelCase, and the page. */
export type ListOptions<T extends z.ZodRawShape> = CamelKeys<z.output<z.ZodObject<T>>> & { page: PageRequest };

/**
 * The query string as the schema sees it: each parameter's first value, an empty one left out (a
 * form sends its empty fields as `?name=`, which means "no filter", not a bad value).
 */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (v !== "") out[k] ??= v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined && first !== "") out[k] = first;
    }
  }
  return out;
}

/** A parsed list query with another page size (the console's and the portal's pages). */
export function withPageSize<Q extends { page: PageRequest }>(query: Q, pageSize: number): Q {
  return { ...query, page: { ...query.page, pageSize } };
}

/**
 * For pages (the console and the portal), which show results rather than errors: the query parsed
 * with the list's own schema, every parameter the schema refuses left out.
 */
export function pageQuery<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): z.output<S> {
  const raw = queryObject(params);
  for (;;) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    if (![...bad].some((k) => k in raw)) return schema.parse({});
    for (const k of bad) delete raw[k];
  }
}
