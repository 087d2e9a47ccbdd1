// The one place that turns any thrown value (an ApiError, lib/http/api-error.ts, or anything else)
// into the contract's error shape: {"detail", "code", "errors"?} (DRF / simplejwt style).
import { z } from "zod";
import { log } from "@/lib/log";
import { RETRY_AFTER_SECONDS, noteDatabaseError } from "@/lib/db/availability";
import { ApiError, type ErrorCode, type FieldErrors } from "@/lib/http/api-error";

export function serviceUnavailable(): ApiError {
  return new ApiError(503, "service_unavailable", "The service is temporarily unavailable. Try again shortly.", {
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}

const BEARER_CHALLENGE = 'Bearer realm="api"';

/** Every 401 carries a challenge; API-key failures name the header scheme instead. */
function challengeFor(code: ErrorCode): string {
  return code === "api_key_not_valid" ? 'X-API-KEY realm="api"' : BEARER_CHALLENGE;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "non_field_errors";
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

// Every unique constraint a client can run into, by the name PostgreSQL gives it, and the 409 it
// means: the field of the contract that holds the taken value, the sentence for `detail`, and the
// one beside the field. The one place that turns a unique violation into the contract's 409.
const UNIQUE_CONSTRAINTS: Record<string, { field: string; detail: string; message?: string }> = {
  users_email_key: { field: "email", detail: "A user with this email already exists." },
  users_phone_key: { field: "phone", detail: "A user with this phone number already exists." },
  teacher_profiles_client_id_employee_number_key: {
    field: "teacher.employee_number",
    detail: "Another teacher of this school has this employee number.",
  },
  clients_slug_key: { field: "slug", detail: "A school with this slug already exists." },
  client_domains_domain_key: {
    field: "domains",
    detail: "A school already uses one of these domains.",
    message: "One of these domains is already used by a school.",
  },
  school_roles_client_id_name_key: {
    field: "name",
    detail: "A role with this name already exists in this school.",
    message: "A role with this name already exists.",
  },
  user_role_assignments_user_id_role_id_key: {
    field: "role",
    detail: "The user already has this role.",
    message: "The user already has this role.",
  },
  students_client_id_admission_number_key: {
    field: "admission_number",
    detail: "A student with this admission number already exists in this school.",
    message: "A student with this admission number already exists.",
  },
};

/** The constraint behind a unique violation, from Prisma (P2002, through its pg adapter) or pg (23505). */
function violatedConstraint(error: unknown): string | null {
  const e = error as {
    code?: string;
    constraint?: string;
    meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string } } } };
  };
  if (e?.code === "23505") return e.constraint ?? "";
  if (e?.code === "P2002") return e.meta?.driverAdapterError?.cause?.constraint?.index ?? "";
  return null;
}

/**
 * The contract's error for anything a request may throw, or null for a bug: ApiError as it is,
 * zod's field errors, a unique violation's 409, Prisma's "not found", an unreachable database's
 * 503. The API's mapper below and the console's and portal's actions all use it.
 */
export function knownError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return ApiError.invalid(zodFieldErrors(error));
  const constraint = violatedConstraint(error);
  if (constraint !== null) {
    const known = UNIQUE_CONSTRAINTS[constraint];
    return known
      ? ApiError.conflict(known.field, known.detail, known.message)
      : ApiError.conflict("value", "This value is already in use.");
  }
  if ((error as { code?: string })?.code === "P2025") return ApiError.notFound();
  // No database to talk to is an outage, not a bug: the client should come back shortly.
  if (noteDatabaseError(error)) return serviceUnavailable();
  return null;
}

export function toResponse(error: unknown, requestId?: string): Response {
  const known = knownError(error);
  if (!known) {
    log.error({ err: error, request_id: requestId }, "unhandled error");
    return json(500, { detail: "A server error occurred.", code: "server_error" });
  }
  const body: Record<string, unknown> = { detail: known.detail, code: known.code };
  if (known.options.errors) body.errors = known.options.errors;
  const headers = { ...known.options.headers };
  if (known.status === 401) headers["www-authenticate"] ??= challengeFor(known.code);
  return json(known.status, body, headers);
}
