// The platform host's front page.
import Link from "next/link";

export default function PlatformHome() {
  return (
    <main id="content" className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-semibold tracking-tight">SMS platform</h1>
      <p className="mt-4 text-slate-700">
        Identity, access and administration for schools. Platform administrators work on this host; each school&apos;s staff sign in on
        their school&apos;s own address.
      </p>
      <p className="mt-8">
        <Link className="inline-flex rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" href="/console">
          Open the platform console
        </Link>
      </p>
      <ul className="mt-8 space-y-2">
        <li>
          <Link className="text-blue-700 underline underline-offset-4 hover:text-blue-900" href="/docs">
            REST API reference
          </Link>
        </li>
        <li>
          <a className="text-blue-700 underline underline-offset-4 hover:text-blue-900" href="/api/v1/openapi.json">
            OpenAPI document (JSON)
          </a>
        </li>
        <li>
          <a className="text-blue-700 underline underline-offset-4 hover:text-blue-900" href="/api/health">
            Service health
          </a>
        </li>
      </ul>
    </main>
  );
}
