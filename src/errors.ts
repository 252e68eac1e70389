// One error class with a closed set of codes; the HTTP status of each code is decided in one
// exhaustive switch, so a new code cannot ship without a status.

export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'token_missing'
  | 'token_invalid'
  | 'insufficient_credits'
  | 'plan_limit_exceeded'
  | 'forbidden'
  | 'token_read_only'
  | 'not_found'
  | 'idempotency_conflict'
  | 'idempotency_in_progress'
  | 'conflict'
  | 'unsupported_media_type'
  | 'range_not_satisfiable'
  | 'validation_error'
  | 'invalid_phone'
  | 'recipient_opted_out'
  | 'rate_limit_exceeded'
  | 'request_timeout'
  | 'headers_too_large'
  | 'internal_error'
  | 'carrier_error'
  | 'unavailable';

export interface ErrorDetail {
  field?: string;
  error: string;
  received?: unknown;
  [extra: string]: unknown;
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
    case 'invalid_json':
      return 400;
    case 'token_missing':
    case 'token_invalid':
      return 401;
    case 'insufficient_credits':
    case 'plan_limit_exceeded':
      return 402;
    case 'forbidden':
    case 'token_read_only':
      return 403;
    case 'not_found':
      return 404;
    case 'idempotency_conflict':
    case 'idempotency_in_progress':
    case 'conflict':
      return 409;
    case 'unsupported_media_type':
      return 415;
    case 'range_not_satisfiable':
      return 416;
    case 'validation_error':
    case 'invalid_phone':
    case 'recipient_opted_out':
      return 422;
    case 'request_timeout':
      return 408;
    case 'rate_limit_exceeded':
      return 429;
    case 'headers_too_large':
      return 431;
    case 'internal_error':
      return 500;
    case 'carrier_error':
      return 502;
    case 'unavailable':
      return 503;
    default: {
      const never: never = code;
      throw new Error(`unmapped error code ${String(never)}`);
    }
  }
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = statusOf(code);
  }
}

export const notFound = (what: string) => new ApiError('not_found', `No such ${what}.`);

export const validationError = (field: string, error: string, message: string, received?: unknown) =>
  new ApiError('validation_error', message, [{ field, error, ...(received === undefined ? {} : { received }) }]);
