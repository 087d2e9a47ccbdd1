// The first check of every query string, before any of it can reach SQL: no control characters in
// a parameter's name or value. PostgreSQL text cannot hold a NUL (`?search=%00` was a 500, even
// with a wrong API key, because the statement carrying it failed before the key was checked), and
// no filter of ours means anything with a control character in it.
import { ApiError } from "@/lib/http/api-error";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The error a query string deserves (400 naming the parameter), or null when it is clean. */
export function queryTextError(url: URL): ApiError | null {
  for (const [name, value] of url.searchParams) {
    if (CONTROL.test(name)) return ApiError.invalid({ non_field_errors: ["Query parameter names may not contain control characters."] });
    if (value.includes("\u0000")) return ApiError.invalid({ [name]: ["Null characters are not allowed."] });
    if (CONTROL.test(value)) return ApiError.invalid({ [name]: ["Control characters are not allowed."] });
  }
  return null;
}
