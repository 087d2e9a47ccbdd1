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
import pg from "pg";
import { pool } from "@/lib/db/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A piece of SQL whose values are already literals. */
export class SqlText {
  constructor(readonly text: string) {}
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

/** Tagged template: `sql\`… WHERE id = ${id}\`` with every value inlined as an escaped literal. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlText {
  let text = strings[0];
  values.forEach((v, i) => { text += literal(v) + strings[i + 1]; });
  return new SqlText(text);
}

/** Joins pieces with a separator (e.g. " AND "). */
export function joinSql(parts: SqlText[], separator: string): SqlText {
  return new SqlText(parts.map((p) => p.text).join(separator));
}

/** Runs `statements` as tenant `clientId`, under row-level security, in one round trip. */
export async function tenantRead<Rows extends unknown[][]>(clientId: string, statements: SqlText[]): Promise<Rows> {
  if (!UUID.test(clientId)) throw new Error("tenantRead needs a tenant id");
  const script = [
    `SELECT set_config('role', 'sms_tenant', true), set_config('app.client_id', '${clientId}', true)`,
    ...statements.map((s) => s.text),
  ].join(";\n");
  const results = (await pool().query(script)) as unknown as pg.QueryResult[];
  return results.slice(1).map((r) => r.rows) as Rows;
}
