"use client";
// Lists on TanStack Table. On a desktop, a semantic <table> (caption, scoped headers, aria-sort);
// below the `md` breakpoint the same rows as cards — each column's cell under its label, the row's
// actions at the foot — so a phone never scrolls sideways. Sortable columns are links that set
// DRF's `?ordering=` (the server sorts; the URL is the state, so a sorted view is a link to share).
import { getCoreRowModel, useReactTable, type CellContext, type ColumnDef, type ColumnHelper, type RowData } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name on a card (defaults to its header, when that is text). */
    label?: string;
    /** Where the cell goes on a card: its title line, a labelled detail (default), the actions, or nowhere. */
    card?: "title" | "detail" | "actions" | "hidden";
    /** The `ordering` field that sorts by this column (the list's API accepts it). */
    sortField?: string;
    /** Cell alignment in the table. */
    align?: "start" | "end";
  }
}

/**
 * A header or cell template rendered by calling it, not as a component: TanStack's flexRender
 * mounts a function as a component, so columns rebuilt on a render would remount every cell —
 * and a row's buttons would lose keyboard focus after each refresh.
 */
function render<C>(template: unknown, context: C): ReactNode {
  return typeof template === "function" ? (template as (c: C) => ReactNode)(context) : (template as ReactNode);
}

/** A table's columns: TanStack types each by its own value type, so a list of them is ColumnDef<Row, any>. */
// biome-ignore lint/suspicious/noExplicitAny: see above; the value types are checked column by column where they are made.
export type Columns<T> = ColumnDef<T, any>[];

type Direction = "asc" | "desc";

/** The direction `field` is sorted in by the current `ordering`, if it leads it. */
function directionOf(ordering: string | null, field: string): Direction | null {
  const first = ordering?.split(",")[0]?.trim();
  if (first === field) return "asc";
  if (first === `-${field}`) return "desc";
  return null;
}

function useSortHref() {
  const pathname = usePathname();
  const params = useSearchParams();
  const ordering = params.get("ordering");
  return {
    ordering,
    href(field: string) {
      const next = new URLSearchParams(params.toString());
      next.set("ordering", directionOf(ordering, field) === "asc" ? `-${field}` : field);
      next.delete("page"); // a new order starts on its first page
      return `${pathname}?${next.toString()}`;
    },
  };
}

function SortLink({ label, field, direction, href }: { label: ReactNode; field: string; direction: Direction | null; href: string }) {
  return (
    <Link
      href={href}
      scroll={false}
      data-sort-field={field}
      className="group inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900"
    >
      {label}
      <span aria-hidden className={direction ? "text-slate-900" : "text-slate-400 group-hover:text-slate-600"}>
        {direction === "asc" ? "↑" : direction === "desc" ? "↓" : "↕"}
      </span>
      <span className="sr-only">
        {direction === "asc"
          ? " (sorted ascending; sort descending)"
          : direction === "desc"
            ? " (sorted descending; sort ascending)"
            : " (sort)"}
      </span>
    </Link>
  );
}

export function DataTable<T>({
  columns,
  data,
  caption,
  empty,
  rowId,
  cardsBelow = "md",
}: {
  columns: Columns<T>;
  data: T[];
  caption: string;
  /** What an empty list shows (an EmptyState with the next action). */
  empty: ReactNode;
  rowId?: (row: T) => string;
  /** Up to which width rows are cards: `lg` for tables too wide for a tablet. */
  cardsBelow?: "md" | "lg";
}) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: rowId ? (row) => rowId(row) : undefined });
  const sort = useSortHref();
  if (data.length === 0) return <>{empty}</>;

  const rows = table.getRowModel().rows;
  return (
    <>
      <div className={`hidden rounded-lg border border-slate-200 bg-white ${cardsBelow === "lg" ? "lg:block" : "md:block"}`}>
        <table className="w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const direction = meta?.sortField ? directionOf(sort.ordering, meta.sortField) : null;
                  const content = header.isPlaceholder ? null : render(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        meta?.sortField ? (direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none") : undefined
                      }
                      className={`px-4 py-2 font-medium text-slate-700 ${meta?.align === "end" ? "text-right" : "text-left"}`}
                    >
                      {meta?.sortField ? (
                        <SortLink label={content} field={meta.sortField} direction={direction} href={sort.href(meta.sortField)} />
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-4 py-2 ${cell.column.columnDef.meta?.align === "end" ? "text-right" : ""}`}>
                    {render(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label={caption} className={`space-y-3 ${cardsBelow === "lg" ? "lg:hidden" : "md:hidden"}`}>
        {rows.map((row) => {
          const cells = row.getVisibleCells();
          const place = (c: (typeof cells)[number]) => c.column.columnDef.meta?.card ?? "detail";
          const actions = cells.filter((c) => place(c) === "actions");
          // A row with nothing to do (a revoked key) gets no empty action bar.
          const actionContent = actions.map((c) => render(c.column.columnDef.cell, c.getContext()));
          return (
            <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              {cells
                .filter((c) => place(c) === "title")
                .map((c) => (
                  <div key={c.id} className="mb-2 min-w-0 break-words">
                    {render(c.column.columnDef.cell, c.getContext())}
                  </div>
                ))}
              <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
                {cells
                  .filter((c) => place(c) === "detail")
                  .map((c) => {
                    const header = c.column.columnDef.header;
                    const label = c.column.columnDef.meta?.label ?? (typeof header === "string" ? header : c.column.id);
                    return (
                      <div key={c.id} className="contents">
                        <dt className="text-slate-600">{label}</dt>
                        <dd className="min-w-0 break-words">{render(c.column.columnDef.cell, c.getContext())}</dd>
                      </div>
                    );
                  })}
              </dl>
              {actionContent.some((content) => content !== null && content !== undefined && content !== false) ? (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  {actionContent.map((content, i) => (
                    <div key={actions[i].id}>{content}</div>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The column of a row's actions: no header text (a screen reader hears "Actions"), right-aligned in
 * the table, at the foot of a phone's card. `column` is the table's column helper (it carries the
 * row type); `cell` draws one row's buttons.
 */
export function actionsColumn<T>(column: ColumnHelper<T>, cell: (context: CellContext<T, unknown>) => ReactNode) {
  return column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { card: "actions", align: "end" },
    cell,
  });
}
