// Every route file goes through the request pipeline (issue: "Routes cannot skip it") and says
// what it serves in its first line (house style).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

// next-auth's own endpoints (the console sign-in) are its handler, not part of the REST contract.
// (The benchmark's routes are route.bench.ts, not product routes: test/bench-routes.test.ts.)
const files = routeFiles(path.join(process.cwd(), "app")).filter((f) => !f.includes(`${path.sep}api${path.sep}auth${path.sep}`));

describe("route files", () => {
  it("there are route files to check", () => assert.ok(files.length >= 14, String(files.length)));
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    it(`${rel} exports its handlers through endpoint() and a pipeline wrapper`, () => {
      const source = readFileSync(file, "utf8");
      assert.match(source, /^\/\/ (GET|POST|PATCH|DELETE|Any)[A-Z, ]* \S+ — .+/m, "a one-line header comment: `// METHOD /path — what`");
      assert.match(source, /export const \{ GET, HEAD, POST, PUT, PATCH, DELETE \} = endpoint\(/);
      assert.match(source, /\b(systemRoute|schoolRoute|publicRoute)\(/);
      assert.doesNotMatch(source, /export (async )?function (GET|POST|PUT|PATCH|DELETE|HEAD)\b/, "no handler outside the pipeline");
      assert.doesNotMatch(source, /\$queryRaw|\$executeRaw|\bprisma\.|\bpool\(\)/, "no database access in route files");
    });
  }
});
