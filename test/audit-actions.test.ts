// lib/audit/actions.ts, the catalogue of audit actions, kept equal to what the code records: the
// source is read for every action an audit write can name (an `action:` property, an `action =`
// assignment, the action argument of a helper such as login's attemptAudit; `${audience}` stands
// for system and school), and each must have an entry — and each entry must be recorded somewhere.
// The kinds of target are held to the same rule.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  AUDIT_ACTIONS,
  AUDIT_GROUPS,
  AUDIT_TARGET_TYPES,
  AUDIT_TARGET_TYPE_LABELS,
  actionLabel,
  auditActionInfo,
  auditActionsOf,
} from "@/lib/audit/actions";

const ROOT = process.cwd();
const CATALOGUE = "lib/audit/actions.ts";

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : files(rel, ext);
    return ext.test(e.name) ? [rel] : [];
  });
}

/** The product's code: what runs in the server, the CLI and the pages (not tests, not benchmarks). */
const CODE = [
  ...files("lib", /\.(ts|tsx)$/),
  ...files("app", /\.(ts|tsx)$/),
  ...files("scripts", /\.(ts|mts|mjs|cjs|js)$/),
  "middleware.ts",
].filter((f) => f !== CATALOGUE);

// Comments may quote actions; they record nothing. (Only whole-line comments and JSDoc-style blocks
// that start a line: a naive stripper would eat "/*" inside strings.)
const uncommented = (text: string) => text.replace(/^\s*\/\*[\s\S]*?\*\//gm, "").replace(/^\s*\/\/.*$/gm, "");

/** The end of the string or template literal starting at `i` (index after its closing quote). */
function skipLiteral(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    if (text[j] === "\\") j += 2;
    else if (quote === "`" && text.startsWith("${", j)) j = skipExpression(text, j + 2, "}") + 1;
    else j++;
  }
  return j + 1;
}

/** Index of the first `stops` character at bracket depth 0 from `i`, or of an unmatched closing bracket. */
function skipExpression(text: string, i: number, stops: string): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c === '"' || c === "'" || c === "`") {
      j = skipLiteral(text, j);
      continue;
    }
    if (depth === 0 && stops.includes(c)) return j;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return j;
      depth--;
    }
    j++;
  }
  return j;
}

/**
 * The values the string and template literals of an expression can take. A substitution naming the
 * audience stands for each audience; any other makes the action unknowable, reported in `unknown`.
 */
function literalValues(expression: string, unknown: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < expression.length; ) {
    const c = expression[i];
    if (c !== '"' && c !== "'" && c !== "`") {
      i++;
      continue;
    }
    const end = skipLiteral(expression, i);
    const body = expression.slice(i + 1, end - 1);
    i = end;
    if (c !== "`") {
      out.push(body);
      continue;
    }
    let values = [""];
    for (const part of body.split(/(\$\{[^}]*\})/)) {
      const sub = /^\$\{\s*([\w.]+)\s*\}$/.exec(part);
      if (!part.startsWith("${")) values = values.map((v) => v + part);
      else if (sub && /(^|\.)audience$/.test(sub[1])) values = values.flatMap((v) => [`${v}system`, `${v}school`]);
      else {
        // Text that could be an action whatever the substitution is: unknowable. Other text
        // (a sentence) is no action.
        if (ACTION_SHAPE.test(body.replace(/\$\{[^}]*\}/g, "x"))) unknown.push(`\`${body}\``);
        values = [];
      }
    }
    out.push(...values);
  }
  return out;
}

const ACTION_SHAPE = /^[a-z][a-z_]*(\.[a-z_]+)+$/;

/** Every action the code records, with the files that record it; and what could not be read. */
function recordedActions(): { actions: Map<string, Set<string>>; unknown: string[]; byFile: Map<string, number> } {
  const actions = new Map<string, Set<string>>();
  const unknown: string[] = [];
  const byFile = new Map<string, number>();
  for (const file of CODE) {
    const text = uncommented(readFileSync(path.join(ROOT, file), "utf8"));
    const expressions: string[] = [];
    // `action: <expression>` (an audit entry) and `action = <expression>` (an action chosen before it).
    for (const m of text.matchAll(/\baction\s*:\s*/g))
      expressions.push(text.slice(m.index + m[0].length, skipExpression(text, m.index + m[0].length, ",;")));
    for (const m of text.matchAll(/\baction\s*=(?![=>])\s*/g))
      expressions.push(text.slice(m.index + m[0].length, skipExpression(text, m.index + m[0].length, ";")));
    // A helper whose first parameter is the action: its calls' first arguments.
    for (const fn of text.matchAll(/function\s+(\w+)\s*\(\s*action\s*:/g)) {
      for (const call of text.matchAll(new RegExp(`(?<!function\\s+)\\b${fn[1]}\\(`, "g"))) {
        const start = call.index + call[0].length;
        expressions.push(text.slice(start, skipExpression(text, start, ",")));
      }
    }
    const found = expressions.flatMap((e) => literalValues(e, unknown).map((v) => v.trim())).filter((v) => ACTION_SHAPE.test(v));
    for (const action of found) actions.set(action, (actions.get(action) ?? new Set()).add(file));
    byFile.set(file, found.length);
  }
  return { actions, unknown, byFile };
}

/** The files that write audit rows: a call of one of the writers (not their definitions). */
function auditWritingFiles(): string[] {
  return CODE.filter((file) => {
    const text = uncommented(readFileSync(path.join(ROOT, file), "utf8"));
    return /(?<!function\s+)\b(audit|auditStatement|recordAudit|revokeFamilies)\(/.test(text);
  }).filter((file) => file !== "lib/audit/record-audit.ts");
}

describe("the audit action catalogue", () => {
  const { actions, unknown, byFile } = recordedActions();
  const catalogued = new Set<string>(AUDIT_ACTIONS.map((a) => a.action));

  it("the source was read (sanity)", () => {
    assert.ok(actions.size >= 30, `found only ${actions.size}: ${[...actions.keys()].join(", ")}`);
    for (const a of ["client.created", "school.user.deactivated", "client.suspended", "system.login.refused", "school.session.revoked"]) {
      assert.ok(actions.has(a), `${a} found`);
    }
  });

  it("every action is readable: no template names anything but the audience", () => {
    assert.deepEqual(unknown, []);
  });

  it("every file that writes audit rows names at least one action the scan can read", () => {
    const writers = auditWritingFiles();
    assert.ok(writers.length >= 10, writers.join(", "));
    assert.deepEqual(
      writers.filter((f) => !byFile.get(f)),
      [],
    );
  });

  it("every recorded action has a catalogue entry", () => {
    const missing = [...actions.entries()].filter(([a]) => !catalogued.has(a)).map(([a, where]) => `${a} (${[...where].join(", ")})`);
    assert.deepEqual(missing, [], `add these to ${CATALOGUE}`);
  });

  it("every catalogue entry is recorded by something", () => {
    const stale = [...catalogued].filter((a) => !actions.has(a));
    assert.deepEqual(stale, [], `nothing records these: remove them from ${CATALOGUE}`);
  });

  it("SQL inserts audit rows only through lib/audit/record-audit.ts (whose action is a parameter)", () => {
    const everywhere = [...CODE, ...files("prisma", /\.sql$/)];
    const inserting = everywhere.filter((f) => /insert\s+into\s+"?audit_events"?/i.test(readFileSync(path.join(ROOT, f), "utf8")));
    assert.deepEqual(inserting, ["lib/audit/record-audit.ts"]);
    assert.match(readFileSync(path.join(ROOT, "lib/audit/record-audit.ts"), "utf8"), /VALUES \(\$1::uuid, \$2::text/);
  });

  it("entries are unique, labelled, grouped; labels are unique too", () => {
    assert.equal(catalogued.size, AUDIT_ACTIONS.length, "no action listed twice");
    const labels = AUDIT_ACTIONS.map((a) => a.label);
    assert.equal(new Set(labels).size, labels.length, "no two actions read alike");
    for (const a of AUDIT_ACTIONS) {
      assert.match(a.label, /^[A-Z]/, a.action);
      assert.ok(AUDIT_GROUPS.includes(a.group), `${a.action}: ${a.group}`);
      assert.ok(["platform", "school", "both"].includes(a.audience), a.action);
    }
    assert.deepEqual(
      AUDIT_GROUPS.filter((g) => !AUDIT_ACTIONS.some((a) => a.group === g)),
      [],
      "every group has actions",
    );
  });

  it("a school's trail offers the actions recorded in schools; the platform's, every action", () => {
    assert.equal(auditActionsOf("platform").length, AUDIT_ACTIONS.length);
    const school = auditActionsOf("school").map((a) => a.action);
    assert.ok(school.includes("school.student.created") && school.includes("api_key.revoked") && school.includes("school.login.failed"));
    assert.ok(
      !school.includes("client.deleted") && !school.includes("system.login.succeeded") && !school.includes("platform_user.created"),
    );
  });

  it("actionLabel: the catalogue's label, or the code made readable", () => {
    assert.equal(actionLabel("client.created"), "School created");
    assert.equal(actionLabel("school.login.failed"), auditActionInfo("school.login.failed")!.label);
    assert.equal(actionLabel("api_key.revoked"), "API key revoked");
    assert.equal(actionLabel("school.thing_done"), "School thing done");
    assert.equal(actionLabel("rls.test"), "Rls test");
    assert.equal(actionLabel("evil"), "Evil");
    assert.equal(actionLabel(""), "");
    assert.equal(auditActionInfo("school.thing_done"), undefined);
  });
});

describe("the kinds of audit target", () => {
  const recorded = new Map<string, Set<string>>();
  for (const file of CODE) {
    const text = uncommented(readFileSync(path.join(ROOT, file), "utf8"));
    for (const m of text.matchAll(/\btarget\s*:\s*\{\s*type\s*:\s*"([^"]+)"/g))
      recorded.set(m[1], (recorded.get(m[1]) ?? new Set()).add(file));
  }

  it("every recorded target type is in AUDIT_TARGET_TYPES, and every one there is recorded", () => {
    assert.ok(recorded.size >= 7, [...recorded.keys()].join(", "));
    assert.deepEqual([...recorded.keys()].sort(), [...AUDIT_TARGET_TYPES].sort());
  });

  it("every target type has a label", () => {
    for (const t of AUDIT_TARGET_TYPES) assert.match(AUDIT_TARGET_TYPE_LABELS[t], /^[A-Z]/, t);
  });
});
