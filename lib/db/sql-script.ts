// Tenant-scoped reads in ONE round trip, for hot paths.
//
// `withTenant` (Prisma's interactive transaction) costs BEGIN, set_config, each query and COMMIT
// as separate round trips, each through Prisma's query builder. Here the tenant context and the
// reads go to PostgreSQL as one simple-protocol message: PostgreSQL runs such a message as one
// implicit transaction, so `set_config(…, true)` (transaction-local) binds every statement after
// it and ends with the message — same row-level security, same role, nothing left on the pooled
// connection, and an error rolls the whole message back.
//
// The simple protocol has no parameters, so values are written as literals by the `sql` tag
// below (pg's own escaping for strings; numbers must be finite integers): call sites never
// concatenate a value into SQL.
//
// The simple protocol also has no plan cache: PostgreSQL parses and plans every statement of every
// message, and for the joins of the hot paths planning costs several times what executing does
// (bench/RESULTS.md: the auth query 1.2 ms to plan, 0.25 ms to run). So the hot statements are
// `prepared(...)`: PREPAREd once on each pooled connection (SQL-level prepared statements live in
// the session) and sent as `EXECUTE name(literal, …)` inside the same one-message script.
import { createHash } from "node:crypto";
import pg from "pg";
import { pool } from "@/lib/db/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A piece of SQL whose values are already literals, and the prepared statements it EXECUTEs. */
export class SqlText {
  constructor(
    readonly text: string,
    readonly uses: readonly PreparedStatement[] = [],
  ) {}
}

function literal(value: unknown): string {
  if (value instanceof SqlText) return value.text;
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error("Only integers may be inlined into SQL");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return pg.escapeLiteral(value);
  throw new Error(`Cannot inline a ${typeof value} into SQL`);
}

function usesOf(values: unknown[]): PreparedStatement[] {
  return values.flatMap((v) => (v instanceof SqlText ? v.uses : []));
}

/** Tagged template: `sql\`… WHERE id = ${id}\`` with every value inlined as an escaped literal. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlText {
  let text = strings[0];
  values.forEach((v, i) => {
    text += literal(v) + strings[i + 1];
  });
  return new SqlText(text, usesOf(values));
}

/** Joins pieces with a separator (e.g. " AND "). */
export function joinSql(parts: SqlText[], separator: string): SqlText {
  return new SqlText(parts.map((p) => p.text).join(separator), usesOf(parts));
}

/**
 * A statement with `$1…$n` parameters, PREPAREd on a pooled connection the first time a script
 * needs it there. Its name is derived from its text, so two modules declaring the same text share
 * it and an edited text is a new statement.
 */
export class PreparedStatement {
  readonly name: string;
  constructor(readonly text: string) {
    this.name = `sms_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
  }

  /** `EXECUTE name(v1, …)` with each value inlined as a literal (same rules as `sql`). */
  run(...values: unknown[]): SqlText {
    const args = values.length ? `(${values.map(literal).join(", ")})` : "";
    return new SqlText(`EXECUTE ${this.name}${args}`, [this, ...usesOf(values)]);
  }
}

export function prepared(text: string): PreparedStatement {
  return new PreparedStatement(text);
}

// What each pooled connection has PREPAREd, kept on pg's client object (one per connection).
// On the object rather than in a module-level map: Next.js bundles route handlers and pages as
// separate module graphs, so this module can exist twice in one process, sharing one pool.
const PREPARED = Symbol.for("sms.preparedStatements");
type TrackedClient = pg.PoolClient & { [PREPARED]?: Set<string> };

// A connection whose prepared statements were lost (26000: someone ran DEALLOCATE/DISCARD) or no
// longer match the schema (0A000: "cached plan must not change result type", after a migration).
const STALE_PREPARED = new Set(["26000", "0A000"]);

/**
 * Sends `statements` as one message (one implicit transaction) and returns one result per
 * statement. Prepared statements the script uses are PREPAREd first on that connection, once.
 */
export async function runScript(statements: SqlText[]): Promise<pg.QueryResult[]> {
  const needed = [...new Map(statements.flatMap((s) => s.uses).map((p) => [p.name, p])).values()];
  for (let attempt = 0; ; attempt++) {
    const client: TrackedClient = await pool().connect();
    client[PREPARED] ??= new Set();
    const known = client[PREPARED];
    let preparing = false;
    try {
      const missing = needed.filter((p) => !known.has(p.name));
      if (missing.length) {
        preparing = true;
        await client.query(missing.map((p) => `PREPARE ${p.name} AS ${p.text}`).join(";\n"));
        for (const p of missing) known.add(p.name);
        preparing = false;
      }
      const result = await client.query(statements.map((s) => s.text).join(";\n"));
      client.release();
      return (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
    } catch (error) {
      const stale = STALE_PREPARED.has((error as { code?: string }).code ?? "");
      // Destroy rather than reuse a connection whose prepared statements we can no longer vouch
      // for (a failed PREPARE message may have prepared some of its statements, not all).
      client.release(stale || preparing ? (error as Error) : undefined);
      if (stale && attempt === 0) continue;
      throw error;
    }
  }
}

/** The statement that opens every tenant script: the RLS role and the tenant, for this message only. */
export function schoolContext(clientId: string): SqlText {
  if (!UUID.test(clientId)) throw new Error("tenantRead needs a tenant id");
  return sql`SELECT set_config('role', 'sms_tenant', true), set_config('app.client_id', ${clientId}, true)`;
}

/** Runs `statements` as tenant `clientId`, under row-level security, in one round trip. */
export async function schoolRead<Rows extends unknown[][]>(clientId: string, statements: SqlText[]): Promise<Rows> {
  const results = await runScript([schoolContext(clientId), ...statements]);
  return results.slice(1).map((r) => r.rows) as Rows;
}

// Every statement after an authentication statement runs as the row-level-security role. (A
// statement of its own on purpose: switching the role inside a prepared statement made PostgreSQL
// redo that statement's plan on every execution, 0.4 ms of database CPU a request.)
const asTenantRole = sql`SELECT set_config('role', 'sms_tenant', true)`;

/**
 * An authentication statement — one row, which sets `app.client_id` only when its own checks pass
 * (lib/auth/authenticate-school-bearer.ts, lib/api-keys/authenticate-api-key.ts) — and `reads`
 * after it under the row-level-security role, in one message: the reads see the school's rows
 * only if the checks passed. Returns the statement's row and the reads' rows.
 */
export async function runAuthenticated<Row>(auth: SqlText, reads: SqlText[]): Promise<{ row: Row; rows: unknown[][] }> {
  const results = await runScript(reads.length ? [auth, asTenantRole, ...reads] : [auth]);
  return { row: results[0].rows[0] as Row, rows: results.slice(2).map((r) => r.rows) };
}

/**
 * A read a route declares up front, so that the pipeline can send it in the same message as the
 * authentication query (lib/auth/authenticate-school-bearer.ts). `statements` must scope by
 * `app_current_client()` or by ids they are given — they run after the tenant context is set, and
 * only see rows once the request is authenticated and authorised.
 */
export interface ReadPlan<T> {
  statements: SqlText[];
  /** Turns the statements' rows into the result; `reread` runs other statements for the same tenant. */
  result(rows: unknown[][], reread: (statements: SqlText[]) => Promise<unknown[][]>): T | Promise<T>;
}

/** Runs a plan on its own (when there is no authentication query to ride along with). */
export async function runPlan<T>(clientId: string, plan: ReadPlan<T>): Promise<T> {
  const reread = (statements: SqlText[]) => schoolRead<unknown[][]>(clientId, statements);
  return plan.result(await reread(plan.statements), reread);
}
