// Whether a role grant is live, still to start or over: decided where the page is rendered (the
// server), so the server's HTML and the browser's agree. Plain code, usable on both sides.
export type TermState = "live" | "upcoming" | "ended";

export interface RoleTerm {
  starts_at: string | null;
  ends_at: string | null;
  state: TermState;
}

/** live, upcoming or ended, at `now`. */
export function termState(term: { starts_at: string | null; ends_at: string | null }, now: Date): TermState {
  if (term.ends_at && new Date(term.ends_at) <= now) return "ended";
  if (term.starts_at && new Date(term.starts_at) > now) return "upcoming";
  return "live";
}
