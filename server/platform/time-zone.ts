/**
 * An IANA zone name as both JavaScript and PostgreSQL read it. Only names: PostgreSQL also takes
 * POSIX zone strings ("UTC+3", "<+03>-3"), whose offsets run the other way round from ISO's.
 */
export function isTimeZoneName(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
