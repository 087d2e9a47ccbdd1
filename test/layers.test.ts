// The layers of ARCHITECTURE.md, kept: no import cycle between the folders of lib/ (a folder
// may use the ones below it, never one that uses it back), lib/ never imports app/ or
// components/, components/ never imports app/ (server actions live in lib/, pages pass data in),
// and the leaf utilities of lib/http never reach up into the pipeline built on them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

/** The top folder of a module path: lib/auth, components/console, app. */
function unit(modulePath: string): string {
  const parts = modulePath.split("/");
  return parts[0] === "app"
    ? "app"
    : parts
        .slice(0, 2)
        .join("/")
        .replace(/\.tsx?$/, "");
}

/** Every `@/…` import of every file, as edges between units, with the files that make them. */
function imports(): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of [...sources("lib"), ...sources("components"), ...sources("app")]) {
    const from = unit(file);
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"@\/([^"]+)"/g)) {
      const to = unit(m[1]);
      if (to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      targets.set(to, [...(targets.get(to) ?? []), file]);
      edges.set(from, targets);
    }
  }
  return edges;
}

/** Strongly connected components of more than one unit (Tarjan): the import cycles. */
function cycles(edges: Map<string, Map<string, string[]>>, nodes: string[]): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!nodes.includes(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!indexOf.has(v)) visit(v);
  return found;
}

describe("layers", () => {
  const edges = imports();
  const libFolders = [...new Set([...edges.keys()].filter((u) => u.startsWith("lib/")))];

  it("the import graph was read (sanity)", () => {
    assert.ok(libFolders.length >= 15, libFolders.join(", "));
    assert.ok(edges.get("lib/pipeline")?.has("lib/http"), "the pipeline uses lib/http");
  });

  it("no import cycle between the folders of lib/", () => {
    const found = cycles(edges, libFolders);
    const explain = found.map((c) =>
      c
        .map((a) =>
          c
            .filter((b) => edges.get(a)?.has(b))
            .map((b) => `${a} → ${b} (${edges.get(a)!.get(b)!.join(", ")})`)
            .join("\n"),
        )
        .join("\n"),
    );
    assert.deepEqual(found, [], `import cycles:\n${explain.join("\n\n")}`);
  });

  it("lib/ never imports app/ or components/", () => {
    const wrong = libFolders.flatMap((u) =>
      [...(edges.get(u)?.entries() ?? [])].filter(([to]) => to === "app" || to.startsWith("components/")).flatMap(([, files]) => files),
    );
    assert.deepEqual(wrong, []);
  });

  it("components/ never imports app/ (actions live in lib/ or are passed in)", () => {
    const wrong = [...edges.entries()].filter(([from]) => from.startsWith("components/")).flatMap(([, to]) => to.get("app") ?? []);
    assert.deepEqual(wrong, []);
  });

  it("lib/http is below the pipeline: it never imports lib/pipeline", () => {
    assert.equal(edges.get("lib/http")?.get("lib/pipeline"), undefined);
  });

  // Browser code shares the server's schemas (lib/*/…-schemas.ts, lib/credentials/rules.ts); what
  // those reach must stay browser-safe, or a form would ship the configuration, the database
  // client or a Node built-in — or fail the build. Server actions ("use server") are references in
  // the browser, so the walk stops at them.
  it("browser code never reaches a server-only module", () => {
    const SERVER_ONLY = [
      /^@\/lib\/env$/,
      /^@\/lib\/log$/,
      /^@\/lib\/db\//,
      /^node:/,
      /^@prisma\//,
      /^pino/,
      /^@node-rs\//,
      /^next\/headers$/,
      /^pg$/,
    ];
    const resolve = (spec: string): string | null => {
      const base = path.join(ROOT, spec.slice(2));
      for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
        try {
          readFileSync(candidate);
          return path.relative(ROOT, candidate);
        } catch {}
      }
      return null;
    };
    const isClient = (text: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(text);
    const isServerAction = (text: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text);
    const roots = [...sources("components"), ...sources("app"), ...sources("lib")].filter((f) =>
      isClient(readFileSync(path.join(ROOT, f), "utf8")),
    );
    assert.ok(roots.length >= 10, `found ${roots.length} client modules`);
    const wrong: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, trail: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(path.join(ROOT, file), "utf8");
      if (trail.length > 0 && isServerAction(text)) return;
      // Type-only imports vanish from the bundle.
      for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)";/gms)) {
        const spec = m[1];
        if (SERVER_ONLY.some((re) => re.test(spec))) wrong.push(`${[...trail, file].join(" → ")} → ${spec}`);
        else if (spec.startsWith("@/")) {
          const next = resolve(spec);
          if (next) walk(next, [...trail, file]);
        }
      }
    };
    for (const root of roots) walk(root, []);
    assert.deepEqual(wrong, []);
  });
});
