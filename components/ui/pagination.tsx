// Previous / next links for DRF-style pages, keeping the other query parameters.
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
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    if (p > 1) params.set("page", String(p));
    else params.delete("page");
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const from = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(count, page * pageSize);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p>{count === 0 ? "No results" : `${from}–${to} of ${count}`}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled className={`${link} opacity-50`}>
            Previous
          </span>
        )}
        <span className="px-2 py-1.5" aria-current="page">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled className={`${link} opacity-50`}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
