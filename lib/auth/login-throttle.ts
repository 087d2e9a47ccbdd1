// Brute-force protection for both login endpoints (API.md §4), stored in PostgreSQL through
// rate-limiter-flexible so every app instance shares the counters.
//
// - One counter per account (`acct:<user id>`), whichever identifier form or endpoint the failures
//   came through; identifiers that match no account count under their normalised form.
// - One counter per client address, against credential stuffing across many accounts.
// A counter that reached its limit refuses every attempt, right password included, until its
// window (started by the first counted attempt) has passed.
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";

interface Limiters {
  account: RateLimiterPostgres;
  address: RateLimiterPostgres;
}

let limiters: Limiters | undefined;

function make(keyPrefix: string, points: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool(),
    tableName: "login_throttles",
    tableCreated: true, // by the migrations
    clearExpiredByTimeout: false, // expired rows are ignored and overwritten; boot prunes them
    keyPrefix,
    points,
    duration: env().SMS_LOGIN_WINDOW,
  });
}

function get(): Limiters {
  limiters ??= {
    account: make("login:acct", env().SMS_LOGIN_MAX_FAILURES),
    address: make("login:ip", env().SMS_LOGIN_IP_MAX_FAILURES),
  };
  return limiters;
}

export function accountKey(userId: string | null, normalizedIdentifier: string): string {
  return userId ? `user:${userId}` : `ident:${normalizedIdentifier.slice(0, 200)}`;
}

function throttled(msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError(429, "throttled", `Too many failed login attempts. Try again in ${seconds} seconds.`, {
    headers: { "retry-after": String(seconds) },
  });
}

export interface LoginAttempt {
  /** The password was right: the account's counter starts over, the address gets its point back. */
  succeeded(): Promise<void>;
}

/**
 * Counts an attempt *before* the password is checked, atomically (one upsert per counter), and
 * refuses it with 429 when the counters are past their limits. Checking first and counting after
 * the verification would let parallel guesses all slip through the check; reserving the point
 * first means at most N passwords are ever verified per window, however many arrive at once.
 *
 * Account: refused once N attempts have failed ("after N failures"). Address: refused once more
 * than N have failed ("more than N"), as API.md words them.
 */
export async function beginLoginAttempt(account: string, address: string | null): Promise<LoginAttempt> {
  const { account: acct, address: ip } = get();
  const [a, i] = await Promise.all([acct.penalty(account, 1), address ? ip.penalty(address, 1) : null]);
  const refusals: number[] = [];
  if (a.consumedPoints > acct.points) refusals.push(a.msBeforeNext);
  if (i && i.consumedPoints > ip.points + 1) refusals.push(i.msBeforeNext);
  if (refusals.length) throw throttled(Math.max(...refusals));
  return {
    succeeded: async () => {
      await Promise.all([acct.delete(account), address ? ip.reward(address, 1) : null]);
    },
  };
}

/** Removes expired counters (called at boot; they are ignored anyway). */
export async function pruneExpiredThrottles(): Promise<void> {
  await pool().query("DELETE FROM login_throttles WHERE expire < $1", [Date.now()]);
}
