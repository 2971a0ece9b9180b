import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.tsx';

/** Dates in the agent's time zone and language; ages as OTRS shows them (5 m, 3 h 10 m, 2 d 4 h). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { me } = useSession();
  const locale = i18n.language === 'it' ? 'it-IT' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: me.timeZone, dateStyle: 'short', timeStyle: 'short' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
    age: (iso: string, now = Date.now()) => formatAge(now - new Date(iso).getTime()),
    timeZone: me.timeZone,
    locale,
  };
}

export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} m`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "2026-12-03T15:30" read as a wall-clock time in `timeZone`, as a UTC ISO string. */
export function zonedToUtc(local: string, timeZone: string): string {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // the zone's offset at that moment, found by formatting a guess there; twice for DST edges
  let utc = wall - offsetOf(wall, timeZone);
  utc = wall - offsetOf(utc, timeZone);
  return new Date(utc).toISOString();
}

function offsetOf(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
