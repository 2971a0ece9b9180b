import type { Kysely, Transaction } from 'kysely';
import type { DB, IntakeAction } from '../../../db/schema.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';

type Reader = Kysely<DB> | Transaction<DB>;

export type IntakeFlag = 'subject_empty' | 'subject_generic' | 'phone_missing';

export interface IntakeVerdict {
  /** problems the agent is told about on the article */
  flags: IntakeFlag[];
  /** problems that refuse the message: the sender is told what to send again */
  rejections: IntakeFlag[];
}

interface Rules {
  emptySubject: IntakeAction;
  genericSubject: IntakeAction;
  genericSubjects: string[];
  missingPhone: IntakeAction;
}

/**
 * The rules that apply to a message for this queue and system address: the system address's own
 * row, else the queue's, else the default row (neither set); the seed's vendor sets them per
 * product-module address.
 */
async function rulesFor(db: Reader, queueId: number, systemAddressId: number | null): Promise<Rules | null> {
  const rows = await db
    .selectFrom('intakeRules')
    .select(['queueId', 'systemAddressId', 'emptySubject', 'genericSubject', 'genericSubjects', 'missingPhone'])
    .where('valid', '=', true)
    .where((eb) =>
      eb.or([
        eb('systemAddressId', '=', systemAddressId ?? -1),
        eb('queueId', '=', queueId),
        eb.and([eb('queueId', 'is', null), eb('systemAddressId', 'is', null)]),
      ]),
    )
    .execute();
  const defaults = rows.find((row) => row.queueId === null && row.systemAddressId === null);
  const chosen = rows.find((row) => row.systemAddressId !== null) ?? rows.find((row) => row.queueId !== null);
  if (!chosen) return defaults ?? null;
  // a queue's or address's rules without a list of their own use the default list
  const genericSubjects =
    chosen.genericSubjects.length > 0 ? chosen.genericSubjects : (defaults?.genericSubjects ?? []);
  return { ...chosen, genericSubjects };
}

/** "Re: R: Fwd: Richiesta assistenza!!" → "richiesta assistenza" */
function normalisedSubject(subject: string): string {
  return subject
    .replace(/^(\s*(re|r|rif|aw|fw|fwd|i|inoltro|tr)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .replace(/[\s!?.:;,\-_*"'()[\]]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A phone number in the signature: 6 or more digits, spaces, dots, dashes or slashes, maybe +39. */
const PHONE = /(\+|00)?\d[\d\s./-]{5,}\d/;
/** The signature is at the end; a long body's phone number in its middle is not a signature. */
const SIGNATURE_LINES = 15;

export function hasPhoneInSignature(body: string): boolean {
  const lines = body
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('>'))
    .filter((line) => line.trim() !== '');
  return lines.slice(-SIGNATURE_LINES).some((line) => {
    const match = PHONE.exec(line);
    return match !== null && match[0].replace(/\D/g, '').length >= 6;
  });
}

/** Checks a new request against the seed's rules: a specific subject, a phone number to call back. */
export async function checkIntakeRules(
  db: Reader,
  queueId: number,
  systemAddressId: number | null,
  subject: string,
  body: string,
  memo: ReadMemo = noMemo,
): Promise<IntakeVerdict> {
  const verdict: IntakeVerdict = { flags: [], rejections: [] };
  const rules = await memo(`intakeRules:${queueId}:${systemAddressId}`, () => rulesFor(db, queueId, systemAddressId));
  if (!rules) return verdict;
  const apply = (action: IntakeAction, flag: IntakeFlag) => {
    if (action === 'flag') verdict.flags.push(flag);
    if (action === 'reject') verdict.rejections.push(flag);
  };
  const normalised = normalisedSubject(subject);
  if (normalised === '') {
    apply(rules.emptySubject, 'subject_empty');
  } else if (rules.genericSubjects.some((generic) => normalisedSubject(generic) === normalised)) {
    apply(rules.genericSubject, 'subject_generic');
  }
  if (!hasPhoneInSignature(body)) apply(rules.missingPhone, 'phone_missing');
  return verdict;
}
