// The data-access rule of ARCHITECTURE.md, kept: Prisma (inside withSchool for a school's rows)
// is the default; hand-written SQL lives only in the files below, each for the reason given. A
// new file with SQL must earn its place here — in review, with the measurement that calls for it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const HAND_WRITTEN_SQL: Record<string, string> = {
  // The one-round-trip hot paths (bench/RESULTS.md): a request's checks and its read in one message.
  "lib/auth/authenticate-school-bearer.ts": "the Bearer check: school, session, user and permission in one statement",
  "lib/api-keys/authenticate-api-key.ts": "the API-key check, likewise",
  "lib/auth/login.ts": "the login's user lookup and its one-message write",
  "lib/auth/sessions.ts": "opening a session and rotating a refresh token, each one statement",
  "lib/auth/login-throttle.ts": "attempt slots, as PL/pgSQL functions taking row locks in key order",
  "lib/school/students.ts": "the students list (JSON from PostgreSQL) and create (row + audit in one message)",
  "lib/school/profile.ts": "the school profile read, riding with me and login",
  "lib/schools/resolve-school.ts": "the school of a host, on every request without credentials",
  "lib/audit/record-audit.ts": "the audit row as a statement, for the one-message writes above",
  // What Prisma cannot say.
  "lib/rbac/escalation.ts": "the full-admin count (GROUP BY … HAVING) and its per-school advisory lock",
  "lib/rbac/permissions.ts": "a user's permissions with grants' terms judged by the database's clock, as the Bearer check judges them",
  "lib/platform/platform-users.ts": "the advisory lock that serialises superadmin changes",
  "lib/platform/overview.ts": "the console's counts in one scan per table (FILTER)",
  "lib/auth/signing-keys.ts": "the advisory lock of key rotation",
  "lib/messages/worker.ts": "claiming the outbox's due messages with FOR UPDATE SKIP LOCKED, so instances never share one",
  // The database layer itself.
  "lib/db/sql-script.ts": "the one-message script runner and prepared statements",
  "lib/db/school-scope.ts": "switching a transaction to the row-level-security role",
  "lib/db/migrate.ts": "applying migrations",
  "lib/db/embedded.ts": "creating the embedded cluster's database",
  "lib/db/health.ts": "the health check's round trip",
  "lib/db/clock.ts": "the database's clock, for writes that set a time limit the checks compare with now()",
  "lib/db/availability.ts": "probing an unreachable database",
};

const SQL = /\bprepared\(|\bsql`|\$queryRaw|\$executeRaw|\bpool\(\)\.query|\brunScript\(|\bclient\.query\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

describe("data access", () => {
  const files = ["lib", "app", "components"].flatMap(sources);

  it("hand-written SQL only where ARCHITECTURE.md allows it", () => {
    const withSql = files.filter((f) => SQL.test(readFileSync(f, "utf8")));
    assert.ok(withSql.length >= 10, "the scan found the known files");
    assert.deepEqual(
      withSql.filter((f) => !(f in HAND_WRITTEN_SQL)),
      [],
      "files with SQL that are not on the list",
    );
  });

  it("the list names no file that has no SQL any more", () => {
    const stale = Object.keys(HAND_WRITTEN_SQL).filter((f) => files.includes(f) && !SQL.test(readFileSync(f, "utf8")));
    assert.deepEqual(stale, []);
  });
});
