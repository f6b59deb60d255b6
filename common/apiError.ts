/** Why a call failed, in words a user can act on, with a code the renderer can branch on. */
export const apiErrorCodes = ['invalid_argument', 'not_found', 'conflict', 'invalid_file', 'too_large', 'internal'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];
export interface ApiErrorInfo {
  code: ApiErrorCode;
  message: string;
}

/** What crosses the boundary: a value or a typed error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

/**
 * The one error class of the boundary: a failure with a message meant for the user and a code the caller can
 * branch on. Formats, the store's callers and services throw it; hosts turn it into an ApiResult; the renderer's
 * client throws it again, so one `instanceof` works on both sides.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
