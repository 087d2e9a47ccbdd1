// The benchmark's ceiling routes (app/api/bench/*/route.bench.ts over bench/ceiling/ceiling.ts)
// are not part of the product: Next.js treats `route.bench.ts` as a route only in the benchmark's
// own build (next.config.mjs with SMS_BENCH_BUILD=1, into .next-bench; bench/run.mjs). The
// product's build — .next, which this suite's server runs — does not hold them at all: their paths
// answer exactly what any unknown path does, and no file of theirs is in the build.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { get } from "./helpers/api";

const ROOT = process.cwd();
const BUILD = path.join(ROOT, ".next");
const SOURCES = {
  ceiling: path.join(ROOT, "app", "api", "bench", "ceiling", "route.bench.ts"),
  ceilingPublic: path.join(ROOT, "app", "api", "bench", "ceiling-public", "route.bench.ts"),
};
const headers = { authorization: "Bearer x.y.z" };

describe("benchmark routes", () => {
  it("exist as sources (what follows would prove nothing otherwise)", () => {
    for (const file of Object.values(SOURCES)) assert.ok(existsSync(file), path.relative(ROOT, file));
  });

  // Next.js's not-found page, which names the path it was asked for: the same bytes as for a
  // path that never existed, once the one name differs.
  for (const [route, ask] of [
    ["ceiling", "/api/bench/ceiling"],
    ["ceiling", "/api/bench/ceiling/"],
    ["ceiling", "/api/bench/ceiling?query=students"],
    ["ceiling-public", "/api/bench/ceiling-public"],
  ]) {
    it(`GET ${ask} is the 404 of an unknown path`, async () => {
      const unknown = await get(ask.replace(route, "no-such-route"), { headers });
      const res = await get(ask, { headers });
      assert.equal(unknown.status, 404);
      assert.equal(res.status, 404);
      assert.equal(res.headers["content-type"], unknown.headers["content-type"]);
      assert.equal(res.text.replaceAll(route, "no-such-route"), unknown.text);
    });
  }

  it("are not in the product's build", () => {
    // The build the server runs, with its routes where this looks for the benchmark's.
    assert.ok(existsSync(path.join(BUILD, "server", "app", "api", "health")), ".next/server/app/api/health");
    assert.ok(!existsSync(path.join(BUILD, "server", "app", "api", "bench")), ".next/server/app/api/bench exists");
    const routes = Object.values(JSON.parse(readFileSync(path.join(BUILD, "app-path-routes-manifest.json"), "utf8"))) as string[];
    assert.ok(routes.includes("/api/health"), "the build's route list names /api/health");
    assert.deepEqual(
      routes.filter((r) => r.startsWith("/api/bench")),
      [],
    );
  });

  // What test/route-files.test.ts checks of every product route does not apply to these two: the
  // ceiling measures Next.js alone, its twin the same handler inside our thinnest pipeline.
  it("the ceiling runs outside the pipeline, its twin inside publicRoute", () => {
    const code = (file: string) => readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
    const ceiling = code(SOURCES.ceiling);
    assert.match(ceiling, /export async function GET\(/);
    assert.doesNotMatch(ceiling, /\bendpoint\(|\b(systemRoute|schoolRoute|publicRoute)\(/);
    const twin = code(SOURCES.ceilingPublic);
    assert.match(twin, /export const \{ GET, HEAD, POST, PUT, PATCH, DELETE \} = endpoint\(/);
    assert.match(twin, /\bpublicRoute\(async \(\{ request \}\) => ceilingResponse\(request\)\)/);
  });
});
