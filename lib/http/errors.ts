// The one error type of the API and the one place that turns any thrown value into the
// contract's error shape: {"detail", "code", "errors"?} (DRF / simplejwt style).
import { z } from "zod";
import { log } from "@/lib/log";
import { RETRY_AFTER_SECONDS, noteDatabaseError } from "@/lib/db/availability";

export type ErrorCode =
  | "invalid" | "tenant_required" | "tenant_mismatch"
  | "not_authenticated" | "authentication_failed" | "token_not_valid" | "api_key_not_valid"
  | "permission_denied" | "tenant_inactive"
  | "not_found" | "tenant_not_found"
  | "method_not_allowed" | "conflict" | "too_large" | "unsupported_media_type" | "throttled"
  | "service_unavailable" | "server_error";

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: { errors?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }

  static invalid(errors: FieldErrors, detail = "Invalid input."): ApiError {
    return new ApiError(400, "invalid", detail, { errors });
  }
  static notFound(detail = "Not found."): ApiError {
    return new ApiError(404, "not_found", detail);
  }
  static permissionDenied(detail = "You do not have permission to perform this action."): ApiError {
    return new ApiError(403, "permission_denied", detail);
  }
  static conflict(field: string, detail?: string, fieldMessage?: string): ApiError {
    return new ApiError(409, "conflict", detail ?? `A record with this ${field} already exists.`, {
      errors: { [field]: [fieldMessage ?? `This ${field} is already in use.`] },
    });
  }
}

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
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } };
}

/** Names the field behind a unique violation, from the constraint's columns. */
function uniqueField(error: PrismaLikeError): string {
  const fromAdapter = error.meta?.driverAdapterError?.cause?.constraint?.fields;
  const target = Array.isArray(error.meta?.target) ? (error.meta?.target as string[]) : fromAdapter;
  const field = (target ?? []).map((f) => f.replace(/"/g, "")).find((f) => f !== "client_id" && f !== "clientId");
  return field ?? "value";
}

export function toResponse(error: unknown, requestId?: string): Response {
  if (error instanceof ApiError) {
    const body: Record<string, unknown> = { detail: error.detail, code: error.code };
    if (error.options.errors) body.errors = error.options.errors;
    const headers = { ...error.options.headers };
    if (error.status === 401) headers["www-authenticate"] ??= challengeFor(error.code);
    return json(error.status, body, headers);
  }
  if (error instanceof z.ZodError) {
    return json(400, { detail: "Invalid input.", code: "invalid", errors: zodFieldErrors(error) });
  }
  const prismaError = error as PrismaLikeError;
  if (prismaError?.code === "P2002") {
    const field = uniqueField(prismaError);
    return toResponse(ApiError.conflict(field), requestId);
  }
  if (prismaError?.code === "P2025") return toResponse(ApiError.notFound(), requestId);
  // No database to talk to is an outage, not a bug: the client should come back shortly.
  if (noteDatabaseError(error)) return toResponse(serviceUnavailable(), requestId);
  log.error({ err: error, request_id: requestId }, "unhandled error");
  return json(500, { detail: "A server error occurred.", code: "server_error" });
}
