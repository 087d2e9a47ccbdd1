// The one error type of the API and the actions, pure (no server module), so the schemas and
// helpers that throw it — pagination, ids, query strings — can be shared with browser forms.
// lib/http/errors.ts is the one place that turns it (and anything else thrown) into a response.

export type ErrorCode =
  | "invalid"
  | "tenant_required"
  | "tenant_mismatch"
  | "not_authenticated"
  | "authentication_failed"
  | "token_not_valid"
  | "api_key_not_valid"
  | "permission_denied"
  | "password_change_required"
  | "mfa_enrolment_required"
  | "tenant_inactive"
  | "not_found"
  | "tenant_not_found"
  | "method_not_allowed"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "throttled"
  | "service_unavailable"
  | "server_error";

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
