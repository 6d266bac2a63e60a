import { ErrorStatus, type ErrorCode } from '../../../contracts/errors.js';

/** An expected failure with a stable code; anything else is a bug and leaves the server as INTERNAL. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = ErrorStatus[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', { what });
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (reason: string) => new AppError('CONFLICT', { reason });
export const invalidState = (state: string) => new AppError('STATE_INVALID', { state });
