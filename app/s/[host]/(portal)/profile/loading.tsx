// The profile page while it loads: its shape (the account and roles cards, the permissions grid),
// greyed, announced to screen readers.
export default function ProfileLoading() {
  return (
    <div role="status" aria-label="Loading your profile" className="animate-pulse">
      <div className="mb-6 space-y-2">
        <div className="h-7 w-48 max-w-full rounded bg-slate-200" />
        <div className="h-4 w-64 max-w-full rounded bg-slate-200" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {["account", "roles"].map((card) => (
          <div key={card} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <div className="h-5 w-24 rounded bg-slate-200" />
            {["a", "b", "c", "d", "e"].map((line) => (
              <div key={line} className="h-4 w-full rounded bg-slate-100" />
            ))}
          </div>
        ))}
        <div className="h-48 rounded-lg border border-slate-200 bg-white lg:col-span-2" />
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
