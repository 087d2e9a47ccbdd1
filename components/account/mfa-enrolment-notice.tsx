// Why My account opened instead of the page asked for: the two-factor policy (the platform's, or
// the user's school's) holds them until they turn two-factor sign-in on (lib/console/console-session.ts,
// lib/portal/portal-session.ts send them here).
export function MfaEnrolmentNotice({ requiredBy }: { requiredBy: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-semibold">Turn on two-factor sign-in to continue</p>
      <p className="mt-1">
        {requiredBy} requires two-factor sign-in. Until you turn it on, every other page brings you back here. It takes a minute: see{" "}
        <a href="#two-factor-heading" className="underline underline-offset-4">
          Two-factor sign-in
        </a>{" "}
        below, and have an authenticator app on your phone ready.
      </p>
    </div>
  );
}
