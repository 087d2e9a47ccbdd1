// Running a lib/school list for a portal page: the same query parameters as the REST list.
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/http/errors";
import type { Page } from "@/lib/http/pagination";
import { listUrl } from "@/lib/portal/portal-context";

export const PORTAL_PAGE_SIZE = 20;

/**
 * One page of a list. A page past the end (say, after deleting the last row of the last page)
 * starts over at page 1 with the same filters.
 */
export async function listPage<T>(
  basePath: string,
  filters: Record<string, string | undefined>,
  page: string,
  list: (url: URL) => Promise<Page<T>>,
): Promise<Page<T> & { page: number; pageSize: number }> {
  const url = listUrl(basePath, { ...filters, page: /^\d{1,6}$/.test(page) ? page : undefined, page_size: String(PORTAL_PAGE_SIZE) });
  try {
    const result = await list(url);
    return { ...result, page: Number(url.searchParams.get("page") ?? "1"), pageSize: PORTAL_PAGE_SIZE };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && url.searchParams.has("page")) {
      const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
      redirect(qs ? `${basePath}?${qs}` : basePath);
    }
    throw error;
  }
}

/** Every row for a select box (a school's classes or staff): the largest page the API serves. */
export async function allRows<T>(path: string, list: (url: URL) => Promise<Page<T>>, filters: Record<string, string | undefined> = {}): Promise<T[]> {
  return (await list(listUrl(path, { ...filters, page_size: "200" }))).results;
}
