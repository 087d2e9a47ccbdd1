// Every unknown address, on the platform host and on a school's: a 404 with the way home.
import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_LINK, StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      actions={
        <Link href="/" className={STATUS_LINK}>
          Go to the home page
        </Link>
      }
    >
      There is no page at this address. It may have moved, or the link may be mistyped.
    </StatusPage>
  );
}
