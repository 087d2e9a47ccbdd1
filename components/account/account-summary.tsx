// The account half of "My account": who you are signed in as, in both apps.
import type { ReactNode } from "react";
import type { PublicUser } from "@/lib/users/user-schemas";
import { Time } from "@/components/ui/time";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export function AccountSummary({
  user,
  extra = [],
  edit,
}: {
  user: PublicUser;
  extra?: { term: string; value: ReactNode }[];
  /** The "Edit details" control, when the page offers it. */
  edit?: ReactNode;
}) {
  return (
    <section aria-labelledby="account-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="account-heading" className="text-base font-semibold">
          Your account
        </h2>
        {edit}
      </div>
      <dl className="mt-2 divide-y divide-slate-100">
        <Item term="Full name">{user.fullName || "—"}</Item>
        <Item term="Email">{user.email ?? "—"}</Item>
        <Item term="Phone">{user.phone ?? "—"}</Item>
        {extra.map((e) => (
          <Item key={e.term} term={e.term}>
            {e.value}
          </Item>
        ))}
        <Item term="Last sign-in">{user.lastLogin ? <Time iso={user.lastLogin.toISOString()} /> : "Never"}</Item>
        <Item term="Member since">
          <Time iso={user.dateJoined.toISOString()} display="absolute" />
        </Item>
      </dl>
    </section>
  );
}
