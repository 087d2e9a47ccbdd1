// What a portal page looks like while it loads: its shape, greyed, announced to screen readers.
export function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading {label}…</span>
      <div className="mb-6 flex items-start justify-between gap-4">
        <div className="space-y-2">
          <div className="h-7 w-32 rounded bg-slate-200" />
          <div className="h-4 w-72 max-w-full rounded bg-slate-200" />
        </div>
        <div className="h-9 w-28 rounded-md bg-slate-200" />
      </div>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="h-9 min-w-56 flex-1 rounded-md bg-slate-200" />
        <div className="h-9 w-20 rounded-md bg-slate-200" />
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <div className="h-9 border-b border-slate-200 bg-slate-50" />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-4 py-3 last:border-0">
            <div className="h-4 w-48 rounded bg-slate-200" />
            <div className="hidden h-3 w-32 rounded bg-slate-100 sm:block" />
            <div className="h-5 w-16 rounded-full bg-slate-200" />
            <div className="ml-auto hidden h-6 w-24 rounded bg-slate-100 md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function ProfileSkeleton() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading your profile…</span>
      <div className="mb-6 space-y-2">
        <div className="h-7 w-48 rounded bg-slate-200" />
        <div className="h-4 w-64 rounded bg-slate-200" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <div className="h-5 w-24 rounded bg-slate-200" />
            {Array.from({ length: 5 }, (_, j) => (
              <div key={j} className="h-4 w-full rounded bg-slate-100" />
            ))}
          </div>
        ))}
        <div className="h-48 rounded-lg border border-slate-200 bg-white lg:col-span-2" />
      </div>
    </div>
  );
}
