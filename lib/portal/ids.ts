// An object id in a portal action's input: a UUID, or a field error naming what is unknown.
import { z } from "zod";
import { isId } from "@/lib/http/ids";

export const ObjectId = (what: string) =>
  z
    .string()
    .max(64)
    .refine(isId, `Unknown ${what}.`)
    .transform((id) => id.toLowerCase());
