// Path ids are opaque to clients but UUIDs to us: anything else cannot name a row, so it is a
// 404 before any query (never a database cast error).
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string | null | undefined): boolean {
  return typeof value === "string" && UUID.test(value);
}

export function idParam(params: Record<string, string>, name = "id"): string {
  const value = params[name];
  if (!value || !isId(value)) throw ApiError.notFound();
  return value.toLowerCase();
}

/** An object id in a console or portal action's input: a UUID, or a field error naming what is unknown. */
export const ObjectId = (what: string) =>
  z
    .string()
    .max(64)
    .refine(isId, `Unknown ${what}.`)
    .transform((id) => id.toLowerCase());
