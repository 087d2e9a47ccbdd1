// Shown while the audit log loads: the page's shape, without its data.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading the audit log" className="animate-pulse">
      <div className="mb-6 h-8 w-36 rounded bg-slate-200" />
      <div className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-14 rounded bg-slate-100" />)}
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-6 rounded bg-slate-100" />)}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
