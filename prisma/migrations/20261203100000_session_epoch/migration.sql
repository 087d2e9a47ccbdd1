-- Sessions tied to the credentials they were opened with (hardening issue, item 2).
--
-- A login reads the user, spends ~10 ms verifying the password, then writes its session. A password
-- change (or a deactivation) in that gap used to miss the new session: it revoked the sessions it
-- could see, and the late one lived on for the whole refresh lifetime. Now every change that must
-- end all of a user's sessions also moves `users.session_epoch` on; each session records the epoch
-- it was opened in, and is live only while the two are equal — checked by every authentication
-- query, so a session opened by a login that raced with the change is dead from its first use.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "session_epoch" INTEGER NOT NULL DEFAULT 1;

-- AlterTable: sessions opened before this migration belong to the users' first epoch.
ALTER TABLE "refresh_families" ADD COLUMN "session_epoch" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "refresh_families" ALTER COLUMN "session_epoch" DROP DEFAULT;

-- A statement that refuses to go on: `SELECT sms_assert(<condition>, '<reason>')` rolls back the
-- message or transaction it is part of (SQLSTATE SMS01, the reason as the message). The login uses
-- it so that a session refused because the credentials changed under it writes nothing at all.
CREATE OR REPLACE FUNCTION sms_assert(ok boolean, reason text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'SMS01', MESSAGE = reason;
  END IF;
END
$$;
