// DRF-style page-number pagination (API.md §1): ?page= (1-based), ?page_size= (default 50,
// max 200); answers {"count","next","previous","results"} with absolute next/previous URLs.
import { z } from "zod";
import { ApiError } from "@/lib/http/errors";
import type { SqlText, TenantReadPlan } from "@/lib/db/tenant-script";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PageRequest {
  page: number;
  pageSize: number;
  skip: number;
  take: number;
}

/** Like DRF: an unusable page_size falls back to the default; a bad page is 404 "Invalid page." */
export function pageRequest(url: URL): PageRequest {
  const rawSize = url.searchParams.get("page_size");
  const size = rawSize !== null && /^\d{1,6}$/.test(rawSize) && Number(rawSize) > 0 ? Math.min(Number(rawSize), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const rawPage = url.searchParams.get("page");
  let page = 1;
  if (rawPage !== null && rawPage !== "last") {
    if (!/^\d{1,9}$/.test(rawPage) || Number(rawPage) < 1) throw new ApiError(404, "not_found", "Invalid page.");
    page = Number(rawPage);
  }
  return { page, pageSize: size, skip: (page - 1) * size, take: size };
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url);
  if (page === 1) next.searchParams.delete("page");
  else next.searchParams.set("page", String(page));
  return next.toString();
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Runs the count and the page query; a page past the last (other than page 1) is 404. */
export async function paginate<Row, Out>(
  url: URL,
  query: { count: () => Promise<number>; rows: (p: PageRequest) => Promise<Row[]> },
  serialize: (row: Row) => Out,
): Promise<Page<Out>> {
  const request = pageRequest(url);
  const count = await query.count();
  const lastPage = Math.max(1, Math.ceil(count / request.pageSize));
  if (url.searchParams.get("page") === "last") {
    request.page = lastPage;
    request.skip = (lastPage - 1) * request.pageSize;
  }
  if (request.page > lastPage) throw new ApiError(404, "not_found", "Invalid page.");
  const rows = count === 0 ? [] : await query.rows(request);
  return {
    count,
    next: request.page < lastPage ? pageUrl(url, request.page + 1) : null,
    previous: request.page > 1 ? pageUrl(url, request.page - 1) : null,
    results: rows.map(serialize),
  };
}

/**
 * A page whose results PostgreSQL already wrote as JSON text: the response body is assembled
 * around that text instead of parsing it and serialising it again (`ok()` sends `toJsonText()`).
 * Same body as a `Page`: {"count","next","previous","results"}.
 */
export class JsonPage<T> {
  constructor(readonly count: number, readonly next: string | null, readonly previous: string | null, readonly resultsJson: string) {}

  toJsonText(): string {
    return `{"count":${this.count},"next":${JSON.stringify(this.next)},"previous":${JSON.stringify(this.previous)},"results":${this.resultsJson}}`;
  }

  /** As a plain page, for server-rendered pages. */
  parsed(): Page<T> {
    return { count: this.count, next: this.next, previous: this.previous, results: JSON.parse(this.resultsJson) as T[] };
  }
}

/**
 * A list page as a tenant read plan (lib/db/tenant-script.ts). `statement(p)` answers one row:
 * `n`, the count, and `rows`, the page's results as JSON text (`json_agg(…)::text`, already in
 * the response's shape). The page asked for travels with the plan; `?page=last` rereads once it
 * knows the count. A page past the last (other than page 1) is 404, as in `paginate`.
 */
export function paginatedRead<T>(url: URL, statement: (p: PageRequest) => SqlText): TenantReadPlan<JsonPage<T>> {
  const first = pageRequest(url);
  const decode = ([[row]]: unknown[][]) => row as { n: number; rows: string };
  return {
    statements: [statement(first)],
    async result(prefetched, reread) {
      const request = { ...first };
      let { n: count, rows } = decode(prefetched);
      const lastPage = Math.max(1, Math.ceil(count / request.pageSize));
      if (url.searchParams.get("page") === "last" && lastPage > 1) {
        request.page = lastPage;
        request.skip = (lastPage - 1) * request.pageSize;
        ({ n: count, rows } = decode(await reread([statement(request)])));
      }
      if (request.page > lastPage) throw new ApiError(404, "not_found", "Invalid page.");
      return new JsonPage<T>(
        count,
        request.page < lastPage ? pageUrl(url, request.page + 1) : null,
        request.page > 1 ? pageUrl(url, request.page - 1) : null,
        rows,
      );
    },
  };
}

export const PageQuery = z.object({
  page: z.string().optional().describe("1-based page number"),
  page_size: z.string().optional().describe(`Results per page (default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE})`),
});

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
