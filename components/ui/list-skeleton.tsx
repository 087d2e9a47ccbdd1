// What a list page shows while it loads: its shape (title, filters, rows) without its data.
export function ListSkeleton({ label, filters = 2, rows = 6 }: { label: string; filters?: number; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse">
      <div className="mb-6 flex justify-between">
        <div className="h-8 w-44 rounded bg-slate-200" />
        <div className="h-9 w-32 rounded bg-slate-200" />
      </div>
      <div className="mb-4 flex flex-wrap gap-3">
        {Array.from({ length: filters }, (_, i) => (
          <div key={i} className="h-10 w-full rounded bg-slate-200 sm:w-56" />
        ))}
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-6 rounded bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
