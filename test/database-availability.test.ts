// Which failures mean "the database is unreachable" (a 503 with Retry-After, lib/db/availability.ts)
// and which do not (a bug stays a 500; a client that went away is nobody's outage). The outage
// itself, end to end, is in operations.test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isDatabaseUnreachable } from "@/lib/db/availability";

const error = (message: string, props: Record<string, unknown> = {}) => Object.assign(new Error(message), props);

describe("isDatabaseUnreachable", () => {
  const unreachable: [string, unknown][] = [
    ["connection refused", error("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED", syscall: "connect" })],
    ["no such host", error("getaddrinfo ENOTFOUND db", { code: "ENOTFOUND", syscall: "getaddrinfo" })],
    [
      "refused on every address (AggregateError)",
      Object.assign(new AggregateError([error("x", { code: "ECONNREFUSED", syscall: "connect" })], ""), { code: "ECONNREFUSED" }),
    ],
    ["pg: connection terminated", error("Connection terminated unexpectedly")],
    ["pg pool: timeout", error("timeout exceeded when trying to connect")],
    ["PostgreSQL shutting down (57P01)", error("terminating connection due to administrator command", { code: "57P01" })],
    ["PostgreSQL starting up (57P03)", error("the database system is starting up", { code: "57P03" })],
    ["connection exception class 08", error("connection failure", { code: "08006" })],
    ["too many connections (53300)", error("sorry, too many clients already", { code: "53300" })],
    ["Prisma: cannot reach the server (P1001)", error("Can't reach database server", { code: "P1001" })],
    [
      "wrapped by Prisma's adapter",
      error("driver error", { meta: { driverAdapterError: { cause: error("refused", { code: "ECONNREFUSED", syscall: "connect" }) } } }),
    ],
    ["as a cause", error("outer", { cause: error("Connection terminated unexpectedly") })],
  ];
  for (const [name, e] of unreachable) it(`unreachable: ${name}`, () => assert.equal(isDatabaseUnreachable(e), true));

  const notAnOutage: [string, unknown][] = [
    ["the HTTP client went away (aborted, ECONNRESET)", error("aborted", { code: "ECONNRESET" })],
    ["a broken pipe to a client", error("write EPIPE", { code: "EPIPE", syscall: "write" })],
    ["a unique violation", error("duplicate key", { code: "23505" })],
    ["a syntax error", error("syntax error at or near", { code: "42601" })],
    ["Prisma: record not found", error("not found", { code: "P2025" })],
    ["a plain bug", new TypeError("x is not a function")],
    ["not an error at all", "a string"],
  ];
  for (const [name, e] of notAnOutage) it(`not an outage: ${name}`, () => assert.equal(isDatabaseUnreachable(e), false));
});
