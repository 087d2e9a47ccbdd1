// DRF-style page-number pagination (API.md §1): ?page= (1-based), ?page_size= (default 50,
// max 200); answers {"count","next","previous","results"} with absolute next/previous URLs.
import { z } from "zod";
import { ApiError } from "@/lib/http/errors";

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
 * Like `paginate`, for a query that returns the count and the page together (one round trip).
 * `?page=last` needs the count first, so it costs a second call.
 */
export async function paginateOnce<Row, Out>(
  url: URL,
  fetch: (p: PageRequest) => Promise<{ count: number; rows: Row[] }>,
  serialize: (row: Row) => Out,
): Promise<Page<Out>> {
  const request = pageRequest(url);
  let { count, rows } = await fetch(request);
  const lastPage = Math.max(1, Math.ceil(count / request.pageSize));
  if (url.searchParams.get("page") === "last" && lastPage > 1) {
    request.page = lastPage;
    request.skip = (lastPage - 1) * request.pageSize;
    ({ count, rows } = await fetch(request));
  }
  if (request.page > lastPage) throw new ApiError(404, "not_found", "Invalid page.");
  return {
    count,
    next: request.page < lastPage ? pageUrl(url, request.page + 1) : null,
    previous: request.page > 1 ? pageUrl(url, request.page - 1) : null,
    results: rows.map(serialize),
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
