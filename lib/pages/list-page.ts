// Running a list for a page of the console or the portal: the list's own query schema (the same
// one the REST list parses), the same domain function, the page's own page size.
import { redirect } from "next/navigation";
import type { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { MAX_PAGE_SIZE, type Page, type PageRequest } from "@/lib/http/pagination";
import { pageQuery, withPageSize } from "@/lib/http/query";

export const PORTAL_PAGE_SIZE = 20;

/** An order a list page offers: an `ordering` value of its API, in words. */
export interface SortOption {
  value: string;
  label: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The parameters of a list page's URL worth keeping in its links (pagination, "Clear"): the first
 * value of each of `keys`, trimmed, when not empty.
 */
export function keptParams(params: SearchParams, keys: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of keys) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200);
    if (value) kept[key] = value;
  }
  return kept;
}

/** The page's query, read with the list's schema: parameters it refuses are left out. */
export function listQueryOf<S extends z.ZodType<{ page: PageRequest }, Record<string, unknown>>>(
  schema: S,
  params: SearchParams,
  pageSize = PORTAL_PAGE_SIZE,
): z.output<S> {
  return withPageSize(pageQuery(schema, params), pageSize);
}

/**
 * One page of a list. A page past the end (say, after deleting the last row of the last page)
 * starts over at page 1 with the same filters.
 */
export async function listPage<T>(
  basePath: string,
  filters: Record<string, string | undefined>,
  list: () => Promise<Page<T>>,
): Promise<Page<T>> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
      redirect(qs ? `${basePath}?${qs}` : basePath);
    }
    throw error;
  }
}

/** Every row for a select box (a school's classes or staff): the largest page the API serves. */
export async function allRows<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  return (await list({ page: 1, pageSize: MAX_PAGE_SIZE })).results;
}
