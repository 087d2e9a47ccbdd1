// Shown wherever a suspended school's staff would otherwise sign in.
export function SuspendedNotice() {
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
      This school&apos;s account is suspended. Contact the platform administrators.
    </p>
  );
}
