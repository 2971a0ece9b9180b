import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, FilterCondition, PostmasterFiltersTable } from '../../../db/schema.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import type { ParsedMail } from './parsed-mail.ts';

type Reader = Kysely<DB> | Transaction<DB>;
type Filter = Selectable<PostmasterFiltersTable>;

/** What the matching filters decided, the later filter winning where two set the same thing. */
export interface FilterOutcome {
  queueId?: number;
  priorityId?: number;
  typeId?: number;
  customerId?: number;
  titlePrefix: string;
  disposition: 'normal' | 'junk' | 'ignore';
  matched: string[];
}

/** The text a condition looks at: a header's values (decoded), or the body for "body". */
function subjectOf(mail: ParsedMail, header: string): string[] {
  const name = header.trim().toLowerCase();
  if (name === 'body') return [mail.text];
  if (name === 'subject') return [mail.subject];
  return mail.headers.get(name) ?? [];
}

function matches(mail: ParsedMail, condition: FilterCondition): boolean {
  const values = subjectOf(mail, condition.header);
  let found: boolean;
  if (condition.regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(condition.value, 'i');
    } catch {
      // a pattern that does not compile matches nothing (filters are checked when saved, too)
      return false;
    }
    found = values.some((value) => pattern.test(value));
  } else {
    const needle = condition.value.toLowerCase();
    found = values.some((value) => value.toLowerCase().includes(needle));
  }
  return condition.negate ? !found : found;
}

/** Whether every condition of a filter holds; a filter without conditions matches nothing. */
export function filterMatches(mail: ParsedMail, filter: Pick<Filter, 'conditions'>): boolean {
  return filter.conditions.length > 0 && filter.conditions.every((condition) => matches(mail, condition));
}

/** Runs the admins' postmaster filters in order (position, then id) until one says stop. */
export async function applyPostmasterFilters(
  db: Reader,
  mail: ParsedMail,
  memo: ReadMemo = noMemo,
): Promise<FilterOutcome> {
  const filters = await memo('postmasterFilters', () =>
    db
      .selectFrom('postmasterFilters')
      .selectAll()
      .where('valid', '=', true)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  );
  const outcome: FilterOutcome = { titlePrefix: '', disposition: 'normal', matched: [] };
  for (const filter of filters) {
    if (!filterMatches(mail, filter)) continue;
    outcome.matched.push(filter.name);
    if (filter.setQueueId) outcome.queueId = filter.setQueueId;
    if (filter.setPriorityId) outcome.priorityId = filter.setPriorityId;
    if (filter.setTypeId) outcome.typeId = filter.setTypeId;
    if (filter.setCustomerId) outcome.customerId = filter.setCustomerId;
    if (filter.titlePrefix) outcome.titlePrefix = filter.titlePrefix;
    // ignoring outranks junk, junk outranks normal: a later filter cannot make spam welcome
    if (filter.disposition === 'ignore' || (filter.disposition === 'junk' && outcome.disposition === 'normal')) {
      outcome.disposition = filter.disposition;
    }
    if (filter.stop) break;
  }
  return outcome;
}
