// Shown while the API keys load: the page's shape, without its data.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading API keys" className="animate-pulse">
      <div className="mb-6 flex justify-between">
        <div className="h-8 w-40 rounded bg-slate-200" />
        <div className="h-9 w-32 rounded bg-slate-200" />
      </div>
      <div className="mb-4 flex flex-wrap gap-3">
        <div className="h-10 w-full rounded bg-slate-200 sm:w-48" />
        <div className="h-10 w-full rounded bg-slate-200 sm:w-64" />
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-6 rounded bg-slate-100" />)}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
