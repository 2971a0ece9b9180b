/**
 * A failure no retry can mend: the server refused for good (5xx: unknown recipient, rejected
 * content) or the message has no recipient at all. Anything else (connection refused, timeout,
 * 4xx) is temporary.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'responseCode' in error && typeof error.responseCode === 'number' ? error.responseCode : 0;
  if (code >= 500 && code < 600) return true;
  return 'code' in error && error.code === 'EENVELOPE';
}
