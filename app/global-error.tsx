"use client";
// When even the root layout fails: the same page as app/error.tsx, with its own <html>.
import "./globals.css";
import { StatusPage } from "@/components/ui/status-page";
import { Button } from "@/components/ui/button";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <StatusPage code="Error" title="Something went wrong" actions={<Button onClick={reset}>Try again</Button>}>
          <p>The application could not be shown. Try again in a moment.</p>
          {error.digest ? <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p> : null}
        </StatusPage>
      </body>
    </html>
  );
}
