import type { ApiErrorType } from '../src/api/enums.js';

/** HTTP status for each error type, unless an error says otherwise. */
const STATUS: Record<ApiErrorType, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  card_error: 402,
  idempotency_error: 400,
  rate_limit_error: 429,
  api_error: 500,
};

export interface ErrorExtras {
  param?: string;
  declineCode?: string;
  paymentIntent?: unknown;
  origin?: string;
  allowedOrigins?: string[];
}

/** An error answered as `{ error: { type, code, message, …, requestId } }`. Throwing one rolls back. */
export class ApiError extends Error {
  constructor(
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly extras: ErrorExtras = {},
    readonly status: number = STATUS[type],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(requestId: string): { error: Record<string, unknown> } {
    return { error: { type: this.type, code: this.code, message: this.message, ...this.extras, requestId } };
  }
}

export const invalid = (code: string, message: string, param?: string, status = 400) =>
  new ApiError('invalid_request_error', code, message, param === undefined ? {} : { param }, status);

export const notFound = (code: string, message: string, param?: string) => invalid(code, message, param, 404);
