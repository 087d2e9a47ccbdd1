"use client";
// A role grant's term as people say it: "until 31 Mar 2027", "from 1 Apr 2027", "ended" — the
// days in the viewer's own zone (the server renders UTC, then the browser switches, as <Time>
// does). Whether a grant is live, still to start or over is decided on the server, where the page
// is rendered, so the server and the browser agree.
import { useTimeZone } from "@/components/ui/time";
import type { RoleTerm } from "@/components/portal/school-staff/term-state";

export type { RoleTerm, TermState } from "@/components/portal/school-staff/term-state";

function day(iso: string, timeZone: string, withYear: boolean): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}), timeZone }).format(
    new Date(iso),
  );
}

/** "until 31 Mar 2027", "from 1 Apr 2027 until 30 Jun 2027", "ended"; null for a grant without a term. */
export function termText(term: RoleTerm, timeZone: string, withYear = true): string | null {
  if (term.state === "ended") return "ended";
  const from = term.state === "upcoming" && term.starts_at ? `from ${day(term.starts_at, timeZone, withYear)}` : null;
  const until = term.ends_at ? `until ${day(term.ends_at, timeZone, withYear)}` : null;
  return [from, until].filter(Boolean).join(" ") || null;
}

/** The term in words, with the full dates on hover; nothing for a grant without a term. */
export function TermText({ term, withYear = true }: { term: RoleTerm; withYear?: boolean }) {
  const zone = useTimeZone();
  const text = termText(term, zone, withYear);
  if (!text) return null;
  const full = termText(term, zone, true);
  return <span title={full && full !== text ? full : undefined}>{text}</span>;
}
