// The framework's ceiling for `npm run bench`: the smallest handler that does what `me` must do —
// verify an ES256 access token with jose against the published JWK Set and make one round trip to
// the database — with none of our pipeline. bench/baseline-server.mjs runs the same handler on
// bare node:http, so the two together split a figure into "framework" and "our code".
//
// `?query=students` swaps the query for the students list's (below).
//
// Benchmark code, not product code: only the benchmark's own build serves it. The routes that call
// it are app/api/bench/*/route.bench.ts, which Next.js treats as routes only when next.config.mjs
// runs with SMS_BENCH_BUILD=1 (bench/run.mjs builds that into .next-bench); the product's build
// (.next) has no /api/bench routes at all (test/bench-routes.test.ts).
import { createLocalJWKSet, jwtVerify } from "jose";
import { pool } from "@/lib/db/client";
import { publicJwks } from "@/lib/auth/signing-keys";
import { studentsPageSql } from "@/lib/school/students";

type JwkSet = ReturnType<typeof createLocalJWKSet>;
let jwks: Promise<JwkSet> | undefined;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export async function ceilingResponse(request: Request): Promise<Response> {
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match) return json(401, { detail: "no token" });
  // Loaded once, like the bare baseline does; rotation does not matter for a benchmark.
  jwks ??= publicJwks().then((set) => createLocalJWKSet(set));
  let sub: string | undefined;
  let tid: unknown;
  try {
    ({
      payload: { sub, tid },
    } = await jwtVerify(match[1], await jwks, { algorithms: ["ES256"], audience: "school" }));
  } catch {
    return json(401, { detail: "bad token" });
  }
  if (new URL(request.url).searchParams.get("query") === "students") return studentsPage(tid);
  const { rows } = await pool().query("SELECT id, email, full_name FROM users WHERE id = $1", [sub]);
  if (!rows[0]) return json(404, { detail: "no user" });
  return json(200, rows[0]);
}

// ?query=students: the same one round trip, with the data work of GET /school/students/ — the
// count and a page of 50 as JSON text, the body assembled around it — but none of our checks: the
// ceiling for the list, so that its ratio separates our code from the cost of the data itself.
// The SQL is the list's own (lib/school/students.ts), with the tenant as a parameter.
const STUDENTS_PAGE = studentsPageSql("client_id = $1", "LIMIT 50");

async function studentsPage(tid: unknown): Promise<Response> {
  const { rows } = await pool().query({ name: "bench-ceiling-students", text: STUDENTS_PAGE, values: [tid] });
  const body = `{"count":${rows[0].n},"next":null,"previous":null,"results":${rows[0].rows}}`;
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
}
