// The OpenAPI document names every status an operation answered during this run (hardening issue,
// item 13). Runs after the whole suite (scripts/test.mjs), over what the run's servers recorded
// (SMS_RECORD_STATUSES, lib/server/status-log.ts): every API answer any test provoked, hostile
// ones included. A status the suite observed and the document does not name fails here, with the
// operation named, so the document cannot fall behind the code.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { openApiDocument } from "@/lib/api/openapi";

interface Observation {
  method: string;
  path: string;
  host: string;
  status: number;
}

const file = process.env.SMS_RECORD_STATUSES;
const observations: Observation[] =
  file && existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Observation)
    : [];

type Operations = Record<string, { responses?: Record<string, unknown> }>;
const documented = Object.entries(openApiDocument().paths ?? {}).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  operations: item as Operations,
}));

/** The documented path an observed one is an instance of (API paths take an optional trailing slash). */
function templateOf(path: string) {
  const candidates = path.endsWith("/") ? [path] : [path, `${path}/`];
  return documented.find((d) => candidates.some((c) => d.pattern.test(c)));
}

describe("the OpenAPI document and what the suite observed", () => {
  it("the run recorded the server's answers", () => {
    assert.ok(
      observations.length > 1000,
      `observations recorded: ${observations.length} (is SMS_RECORD_STATUSES set by scripts/test.mjs?)`,
    );
  });

  it("every status an operation answered is documented for it", () => {
    const missing = new Map<string, number>();
    for (const o of observations) {
      const found = templateOf(o.path);
      if (!found) continue; // not in the contract (next-auth's, the benchmark's): checked below for /api/v1
      const method = o.method === "HEAD" ? "get" : o.method.toLowerCase();
      if (method === "options") continue; // Next.js's own answer for CORS preflights
      const operation = found.operations[method];
      // A method the path does not have is the contract's 405 (or a refusal the server makes
      // before any route: a body over the cap, a database outage).
      if (!operation) {
        if (![405, 413, 503].includes(o.status))
          missing.set(
            `${o.method} ${found.template} (no such operation) → ${o.status}`,
            (missing.get(`${o.method} ${found.template} (no such operation) → ${o.status}`) ?? 0) + 1,
          );
        continue;
      }
      if (!operation.responses?.[String(o.status)]) {
        const key = `${method.toUpperCase()} ${found.template} → ${o.status}`;
        missing.set(key, (missing.get(key) ?? 0) + 1);
      }
    }
    assert.deepEqual([...missing.entries()].map(([k, n]) => `${k} (${n}×)`).sort(), [], "statuses observed but not documented");
  });

  it("a path under /api/v1 that the document does not have is only ever 404 (or refused before routing)", () => {
    const strays = observations.filter(
      (o) => o.path.startsWith("/api/v1/") && !templateOf(o.path) && ![404, 405, 413, 503].includes(o.status),
    );
    assert.deepEqual(
      strays.map((o) => `${o.method} ${o.path.slice(0, 80)} → ${o.status}`),
      [],
    );
  });
});
