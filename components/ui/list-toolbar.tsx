"use client";
// The bar above a list: a search box, the list's filters and (on a phone, where there are no column
// headers to click) its sort order, in one GET form — the query lives in the URL, the server renders
// the filtered page, and a filtered view is a link to share. Submitted, it navigates client-side to
// the URL of the filters that are set (no `?class=&ordering=` clutter); without JavaScript it is a
// plain GET form all the same.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { SortOption } from "@/lib/pages/list-page";

export function ListToolbar({
  basePath,
  label,
  search,
  filters,
  sort,
  active,
}: {
  basePath: string;
  /** Names the search landmark: "Search students". */
  label: string;
  search?: { value: string; placeholder: string; maxLength?: number };
  /** More fields (selects, pickers), each labelled. */
  filters?: ReactNode;
  /** The current ordering and the choices offered on a phone (column headers sort on a desktop). */
  sort?: { value: string; options: SortOption[] };
  /** Whether any filter is set: offers "Clear". */
  active: boolean;
}) {
  const router = useRouter();
  // On a phone the filters fold behind a "Filters" button, so the list starts on the first screen;
  // from `sm` up they are always shown.
  const [showFilters, setShowFilters] = useState(false);
  const extrasId = useId();
  const hasExtras = Boolean(filters || sort);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim()) params.append(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `${basePath}?${query}` : basePath);
  };
  return (
    <form
      method="get"
      action={basePath}
      onSubmit={submit}
      role="search"
      aria-label={label}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end"
    >
      {search ? (
        <div className="sm:min-w-56 sm:flex-1">
          <TextField
            label="Search"
            name="search"
            type="search"
            defaultValue={search.value}
            placeholder={search.placeholder}
            maxLength={search.maxLength ?? 100}
          />
        </div>
      ) : null}
      {hasExtras ? (
        <Button
          type="button"
          variant="secondary"
          className="justify-between sm:hidden"
          aria-expanded={showFilters}
          aria-controls={extrasId}
          onClick={() => setShowFilters((v) => !v)}
        >
          {filters ? (active ? "Filters (in use)" : "Filters") : "Sort"}
          <span aria-hidden>{showFilters ? "▴" : "▾"}</span>
        </Button>
      ) : null}
      <div id={extrasId} className={`${showFilters ? "grid" : "hidden"} gap-3 sm:contents`}>
        {filters}
        {sort ? (
          <div className="sm:w-48 md:hidden">
            <SelectField label="Sort by" name="ordering" defaultValue={sort.value}>
              <option value="">Default order</option>
              {sort.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          {filters ? "Apply" : "Search"}
        </Button>
        {active ? (
          <Link href={basePath} className="py-2 text-sm text-slate-700 underline underline-offset-4 hover:text-slate-900">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
