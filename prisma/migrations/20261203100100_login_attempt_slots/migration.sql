-- Login throttling as attempt slots (hardening issue, item 6), replacing rate-limiter-flexible's
-- points table.
--
-- The old counter charged every attempt before its password was checked, so that parallel guesses
-- could not overshoot the limit; but then 30 simultaneous logins with the RIGHT password were
-- throttled too. Now a counter holds `failures` (only failed attempts count) and `in_flight`
-- (attempts whose password is being verified). An attempt may start only while
-- failures + in_flight < cap, so at most `cap` wrong passwords are ever verified per window,
-- however many arrive at once; an attempt that finds the slots taken by attempts in flight waits
-- for them instead of being refused, and only `failures >= cap` is a 429. Rows are locked in key
-- order, so counters shared by every instance stay exact and two keys never deadlock.
--
-- `in_flight` is a lease: an instance that dies mid-attempt cannot hold a slot past `leases_end`.

-- Counters are disposable: start from empty rather than translate rate-limiter-flexible's.
DELETE FROM "login_throttles";

-- AlterTable
ALTER TABLE "login_throttles" DROP COLUMN "expire",
DROP COLUMN "points",
ADD COLUMN     "failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "in_flight" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leases_end" TIMESTAMPTZ(3),
ADD COLUMN     "window_ends" TIMESTAMPTZ(3);

-- Begins an attempt on every key of `keys` (caps[i] is keys[i]'s cap) at once, or on none:
-- 'go' (a slot taken on each), 'wait' (slots held by attempts in flight: ask again shortly), or
-- 'refused' with the milliseconds until the longest window of a full key ends.
CREATE OR REPLACE FUNCTION sms_attempt_begin(keys text[], caps integer[], lease_seconds integer)
  RETURNS TABLE (decision text, retry_after_ms bigint)
  LANGUAGE plpgsql
  AS $$
DECLARE
  counter record;
  refused_ms bigint;
  must_wait boolean := false;
BEGIN
  INSERT INTO login_throttles (key) SELECT k FROM unnest(keys) AS k ORDER BY k ON CONFLICT (key) DO NOTHING;
  FOR counter IN
    SELECT c.cap, t.window_ends,
           CASE WHEN t.window_ends > now() THEN t.failures ELSE 0 END AS failures,
           CASE WHEN t.leases_end > now() THEN t.in_flight ELSE 0 END AS in_flight
    FROM login_throttles t JOIN unnest(keys, caps) AS c(key, cap) ON c.key = t.key
    ORDER BY t.key
    FOR UPDATE OF t
  LOOP
    IF counter.failures >= counter.cap THEN
      refused_ms := GREATEST(COALESCE(refused_ms, 0), ceil(extract(epoch FROM counter.window_ends - now()) * 1000)::bigint);
    ELSIF counter.failures + counter.in_flight >= counter.cap THEN
      must_wait := true;
    END IF;
  END LOOP;
  IF refused_ms IS NOT NULL THEN
    RETURN QUERY SELECT 'refused'::text, refused_ms;
  ELSIF must_wait THEN
    RETURN QUERY SELECT 'wait'::text, 0::bigint;
  ELSE
    UPDATE login_throttles t SET
      failures = CASE WHEN t.window_ends > now() THEN t.failures ELSE 0 END,
      window_ends = CASE WHEN t.window_ends > now() THEN t.window_ends END,
      in_flight = CASE WHEN t.leases_end > now() THEN t.in_flight ELSE 0 END + 1,
      leases_end = GREATEST(t.leases_end, now() + make_interval(secs => lease_seconds))
    WHERE t.key = ANY (keys);
    RETURN QUERY SELECT 'go'::text, 0::bigint;
  END IF;
END
$$;

-- Ends an attempt begun on `keys`: its slot is given back; a failure counts on every key (the
-- first failure of a window starts it, for `window_seconds`); `reset` names keys whose failures
-- start over (an account whose password was proven right).
CREATE OR REPLACE FUNCTION sms_attempt_end(keys text[], failed boolean, reset text[], window_seconds integer)
  RETURNS void
  LANGUAGE sql
  AS $$
  UPDATE login_throttles t SET
    in_flight = GREATEST(CASE WHEN t.leases_end > now() THEN t.in_flight ELSE 0 END - 1, 0),
    failures = CASE
      WHEN t.key = ANY (reset) THEN 0
      WHEN NOT failed THEN CASE WHEN t.window_ends > now() THEN t.failures ELSE 0 END
      WHEN t.window_ends > now() THEN t.failures + 1
      ELSE 1 END,
    window_ends = CASE
      WHEN t.key = ANY (reset) THEN NULL
      WHEN t.window_ends > now() THEN t.window_ends
      WHEN failed THEN now() + make_interval(secs => window_seconds)
      END
  WHERE t.key IN (SELECT key FROM login_throttles WHERE key = ANY (keys) ORDER BY key FOR UPDATE)
$$;
