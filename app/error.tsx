"use client";
// A page that failed while rendering: say so plainly, offer to try again, and give the reference
// (Next's digest, which is in the server's log) for a support request. Nothing of the error itself
// is shown: in production it would say nothing useful, and it may say too much.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { STATUS_LINK_SECONDARY, StatusPage } from "@/components/ui/status-page";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          <Link href="/" className={STATUS_LINK_SECONDARY}>
            Go to the home page
          </Link>
        </>
      }
    >
      <p>This page could not be shown. Nothing you entered was lost on our side; try again in a moment.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
