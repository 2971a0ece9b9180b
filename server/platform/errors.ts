import { type Language, type MessageKey, translate } from './i18n.ts';

/** HTTP status for each error code; a code missing here is a compile error. */
const STATUS = {
  validation: 400,
  invalid_token: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked_by_other: 409,
  invalid_transition: 409,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

/**
 * A refusal a user can understand: a stable code for programs, a message key for people
 * (translated when the response is written) and, for validation, the field at fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(translate('en', messageKey, params));
  }

  get status(): number {
    return STATUS[this.code];
  }

  body(language: Language) {
    return {
      error: {
        code: this.code,
        message: translate(language, this.messageKey, this.params),
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

export const notFound = (what: MessageKey, id: string | number) => new DomainError('not_found', what, { id });
export const invalid = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
  new DomainError('validation', key, { field, ...params }, field);
