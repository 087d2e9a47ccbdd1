// Brute-force protection for every check of a password (the REST contract §4): the login endpoints, the
// console and portal sign-in, and the password change's old password. Counters live in PostgreSQL
// (`login_throttles`), shared by every app instance.
//
// - One counter per account (`login:acct:user:<id>`), whichever identifier form or endpoint the
//   failures came through; identifiers that match no account count under their normalised form.
// - One counter per client address (an IPv6 client per /64: one host usually holds a whole /64),
//   against credential stuffing across many accounts.
//
// An attempt takes a slot on both counters before its password is verified, and gives it back
// after: only failures count, and an attempt may start only while failures + attempts in flight
// are under the cap. So at most `cap` wrong passwords are ever verified per window, however many
// arrive at once (parallel guesses cannot slip through), while right passwords that arrive together
// wait for the attempts ahead of them instead of being refused. Only a counter whose failures
// reached its cap refuses — right password included — until its window passes.
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { pool } from "@/lib/db/client";
import { prepared, runScript, type SqlText } from "@/lib/db/sql-script";

/** An attempt's slot is freed by then even if the instance holding it died mid-attempt. */
const LEASE_SECONDS = 30;
/** How long an attempt waits for slots held by attempts in flight before giving up (429). */
const MAX_WAIT_MS = 10_000;

// $1/$2 the account's key and cap, $3/$4 the address's (NULL key: no address known), $5 the lease.
const begin = prepared(`
  SELECT decision, retry_after_ms FROM sms_attempt_begin(
    array_remove(ARRAY[$1::text, $3::text], NULL),
    CASE WHEN $3::text IS NULL THEN ARRAY[$2::int] ELSE ARRAY[$2::int, $4::int] END,
    $5::int)`);
// $1/$2 the keys, $3 failed, $4 the key whose failures start over (or NULL), $5 the window.
const end = prepared(`
  SELECT sms_attempt_end(array_remove(ARRAY[$1::text, $2::text], NULL), $3::boolean, array_remove(ARRAY[$4::text], NULL), $5::int)`);

/**
 * What a pair of counters limits: sign-in attempts (only failures count), or password reset
 * requests (every request counts, API §8) — counted apart, so that asking for links never locks
 * anyone out of signing in, nor the reverse.
 */
export type ThrottleScope = "login" | "reset";

export function accountKey(userId: string | null, normalizedIdentifier: string, scope: ThrottleScope = "login"): string {
  return userId ? `${scope}:acct:user:${userId}` : `${scope}:acct:ident:${normalizedIdentifier.slice(0, 200)}`;
}

/** The address's counter: the address itself, or its /64 for IPv6. */
export function addressKey(address: string, scope: ThrottleScope = "login"): string {
  if (!ipaddr.isValid(address)) return `${scope}:ip:${address.slice(0, 64)}`;
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address is its IPv4 address
  if (parsed.kind() === "ipv4") return `${scope}:ip:${parsed.toString()}`;
  const prefix = (parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":");
  return `${scope}:ip:${prefix}::/64`;
}

function throttled(msBeforeNext: number, scope: ThrottleScope): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  // A person reads minutes: "15 minutes", not "892 seconds" (Retry-After keeps the exact figure).
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} seconds` : minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const what = scope === "login" ? "Too many failed sign-in attempts" : "Too many password reset requests";
  return new ApiError(429, "throttled", `${what}. Try again in ${wait}.`, {
    headers: { "retry-after": String(seconds) },
  });
}

export type AttemptOutcome =
  /** The password was wrong (or the account unusable): counts on both counters. */
  | "failed"
  /** The password was proven right: the account's failures start over. */
  | "succeeded"
  /** Ended before the password was judged (an error): the slot is given back, nothing counts. */
  | "abandoned";

export interface LoginAttempt {
  /** The statement that ends the attempt, for a caller that sends it with its own writes. */
  end(outcome: AttemptOutcome): SqlText;
  /** Ends the attempt on its own. */
  finish(outcome: AttemptOutcome): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes a slot on the account's and the address's counters, waiting while attempts in flight hold
 * them; 429 once either counter's failures reached its cap. The caller must end the attempt.
 *
 * Account: refused once N attempts have failed ("after N failures"). Address: refused once more
 * than N have failed ("more than N"), as the REST contract words them.
 */
export async function beginLoginAttempt(account: string, address: string | null, scope: ThrottleScope = "login"): Promise<LoginAttempt> {
  const { SMS_LOGIN_MAX_FAILURES, SMS_LOGIN_IP_MAX_FAILURES, SMS_LOGIN_WINDOW } = env();
  const ip = address ? addressKey(address, scope) : null;
  const deadline = Date.now() + MAX_WAIT_MS;
  for (let round = 0; ; round++) {
    const [{ rows }] = await runScript([begin.run(account, SMS_LOGIN_MAX_FAILURES, ip, SMS_LOGIN_IP_MAX_FAILURES + 1, LEASE_SECONDS)]);
    const { decision, retry_after_ms } = rows[0] as { decision: "go" | "wait" | "refused"; retry_after_ms: string };
    if (decision === "refused") throw throttled(Number(retry_after_ms), scope);
    if (decision === "go") break;
    if (Date.now() > deadline) {
      throw new ApiError(429, "throttled", "Too many sign-in attempts at once. Try again in a moment.", {
        headers: { "retry-after": "1" },
      });
    }
    // A verification takes about 10 ms; back off a little more each round, with jitter so that
    // waiters do not ask all at once.
    await sleep(Math.min(20 + round * 10, 100) * (0.5 + Math.random()));
  }
  const statement = (outcome: AttemptOutcome) =>
    end.run(account, ip, outcome === "failed", outcome === "succeeded" ? account : null, SMS_LOGIN_WINDOW);
  return {
    end: statement,
    finish: async (outcome) => {
      await runScript([statement(outcome)]);
    },
  };
}

/**
 * Counts one password reset request on its account's and its address's counters (API §8: the
 * login limits, counters of their own); 429 once either is spent — for an identifier that matches
 * no account exactly as for one that does.
 */
export async function countResetRequest(account: string, address: string | null): Promise<void> {
  const attempt = await beginLoginAttempt(account, address, "reset");
  await attempt.finish("failed");
}

/** Removes counters with nothing left to count (called at boot; they are ignored anyway). */
export async function pruneExpiredThrottles(): Promise<void> {
  await pool().query(
    "DELETE FROM login_throttles WHERE (window_ends IS NULL OR window_ends < now()) AND (leases_end IS NULL OR leases_end < now())",
  );
}
