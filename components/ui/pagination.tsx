// Previous / next links for DRF-style pages, keeping the list's filters and order.
import Link from "next/link";

export function Pagination({
  page,
  pageSize,
  count,
  basePath,
  query,
}: {
  page: number;
  pageSize: number;
  count: number;
  basePath: string;
  query: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (count === 0) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => v && k !== "page") as [string, string][]);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(count, page * pageSize);
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900";
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <p>
        {from}–{to} of {count}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={`${link} text-slate-500`}>
            Previous
          </span>
        )}
        <span className="px-1 py-1.5" aria-current="page">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={`${link} text-slate-500`}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
