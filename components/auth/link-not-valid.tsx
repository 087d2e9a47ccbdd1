// What a reset or invitation page says when its link cannot be used — used, replaced by a newer
// one, withdrawn, expired, or missing its token: the server answers all of them alike (API §8).
import { AuthLink } from "@/components/auth/auth-card";

export function LinkNotValid({ kind, forgotHref, signInHref }: { kind: "reset" | "invitation"; forgotHref: string; signInHref: string }) {
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-3 text-sm text-amber-950">
      <p className="font-medium">This link can no longer be used.</p>
      {kind === "reset" ? (
        <>
          <p>A link works once and only for a limited time, and a newer link replaces the older ones.</p>
          <p>
            <AuthLink href={forgotHref}>Ask for a new link</AuthLink>
          </p>
        </>
      ) : (
        <>
          <p>
            An invitation works once and only for a limited time; it may also have been replaced by a newer one or withdrawn. Ask the person
            who invited you to send a new invitation.
          </p>
          <p>
            Already chose your password? <AuthLink href={signInHref}>Sign in</AuthLink> — or{" "}
            <AuthLink href={forgotHref}>ask for a link to choose a new one</AuthLink>.
          </p>
        </>
      )}
    </div>
  );
}
