// DRF-style page-number pagination (the REST contract §1): ?page= (1-based, or last) and
// ?page_size= (default 50, max 200), answered as {"count","next","previous","results"} with absolute
// next/previous URLs.
//
// Domain functions page their lists (`paginate`, or `paginatedRead` for a one-round-trip read)
// and answer a `Page`: the rows and where they are. The links are the route's business: they name
// the URL the client asked for (`pageBody`), which no domain function knows.
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import type { ReadPlan, SqlText } from "@/lib/db/sql-script";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** What a list was asked for (lib/http/query.ts parses it): page 0 is no page (404). */
export interface PageRequest {
  page: number | "last";
  pageSize: number;
}

export interface Page<T> {
  count: number;
  page: number;
  pageSize: number;
  results: T[];
}

const invalidPage = () => new ApiError(404, "not_found", "Invalid page.");

/** The page to read once the count is known: `last` resolved; past the last (but page 1) is 404. */
function settle(request: PageRequest, count: number): { page: number; skip: number; take: number } {
  const lastPage = Math.max(1, Math.ceil(count / request.pageSize));
  const page = request.page === "last" ? lastPage : request.page;
  if (page < 1 || page > lastPage) throw invalidPage();
  return { page, skip: (page - 1) * request.pageSize, take: request.pageSize };
}

/** Runs the count and the page query. */
export async function paginate<Row, Out>(
  request: PageRequest,
  query: { count: () => Promise<number>; rows: (p: { skip: number; take: number }) => Promise<Row[]> },
  serialize: (row: Row) => Out,
): Promise<Page<Out>> {
  if (request.page !== "last" && request.page < 1) throw invalidPage();
  const count = await query.count();
  const { page, skip, take } = settle(request, count);
  const rows = count === 0 ? [] : await query.rows({ skip, take });
  return { count, page, pageSize: request.pageSize, results: rows.map(serialize) };
}

/**
 * A page whose results PostgreSQL already wrote as JSON text (a hot read): the response body is
 * assembled around that text instead of parsing and serialising it again.
 */
export class JsonPage<T> {
  constructor(
    readonly count: number,
    readonly page: number,
    readonly pageSize: number,
    readonly resultsJson: string,
  ) {}

  /** As a plain page, for server-rendered pages. */
  parsed(): Page<T> {
    return { count: this.count, page: this.page, pageSize: this.pageSize, results: JSON.parse(this.resultsJson) as T[] };
  }
}

/**
 * A list page as a read plan (lib/db/sql-script.ts). `statement(p)` answers one row: `n`, the
 * count, and `rows`, the page's results as JSON text (`json_agg(…)::text`, already in the
 * response's shape). The page asked for travels with the plan; `last` rereads once it knows the count.
 */
export function paginatedRead<T>(request: PageRequest, statement: (p: { skip: number; take: number }) => SqlText): ReadPlan<JsonPage<T>> {
  const first = request.page === "last" || request.page < 1 ? 1 : request.page;
  const decode = ([[row]]: unknown[][]) => row as { n: number; rows: string };
  return {
    statements: [statement({ skip: (first - 1) * request.pageSize, take: request.pageSize })],
    async result(prefetched, reread) {
      let { n: count, rows } = decode(prefetched);
      const { page, skip, take } = settle(request, count);
      if (page !== first) ({ n: count, rows } = decode(await reread([statement({ skip, take })])));
      return new JsonPage<T>(count, page, request.pageSize, rows);
    },
  };
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url);
  if (page === 1) next.searchParams.delete("page");
  else next.searchParams.set("page", String(page));
  return next.toString();
}

/** The contract's page body for `url` (the URL the client asked for): count, links, results. */
export function pageBody<T>(url: URL, page: Page<T> | JsonPage<T>) {
  const lastPage = Math.max(1, Math.ceil(page.count / page.pageSize));
  const next = page.page < lastPage ? pageUrl(url, page.page + 1) : null;
  const previous = page.page > 1 ? pageUrl(url, page.page - 1) : null;
  if (page instanceof JsonPage) {
    // Assembled as text around the results PostgreSQL wrote (lib/http/respond.ts sends it as is).
    return {
      toJsonText: () =>
        `{"count":${page.count},"next":${JSON.stringify(next)},"previous":${JSON.stringify(previous)},"results":${page.resultsJson}}`,
    };
  }
  return { count: page.count, next, previous, results: page.results };
}

/** The page body's schema, for the OpenAPI document. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      count: z.number().int(),
      next: z.string().nullable(),
      previous: z.string().nullable(),
      results: z.array(item),
    })
    .meta({ id });
}
