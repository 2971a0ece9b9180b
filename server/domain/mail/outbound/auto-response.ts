import type { AutoResponseKind } from '../../../db/schema.ts';
import type { Language } from '../../../platform/i18n.ts';
import type { Reader } from '../../config/loose-db.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import { BUILT_IN_AUTO_RESPONSES } from './auto-response-texts.ts';
import { fillVariables } from './fill-variables.ts';

export interface AutoResponseVars {
  ticketNumber?: string;
  ticketUrl?: string;
  subject?: string;
  customerName?: string;
  queueName?: string;
  /** intake_reject: what to fix, one reason a line */
  reasons?: string;
}

export interface RenderedAutoResponse {
  subject: string;
  bodyText: string;
}

/**
 * The text of an auto-response: the queue's own (auto_responses row for the kind and language),
 * else the default row (queue_id NULL), else the built-in one, with the variables filled in.
 * The caller stores it as a system article queued for sending.
 */
export async function renderAutoResponse(
  db: Reader,
  request: { queueId: number | null; kind: AutoResponseKind; language: Language; vars: AutoResponseVars },
  memo: ReadMemo = noMemo,
): Promise<RenderedAutoResponse> {
  const rows = await memo(`autoResponses:${request.queueId}:${request.kind}:${request.language}`, () =>
    db
      .selectFrom('autoResponses')
      .select(['queueId', 'subject', 'body'])
      .where('kind', '=', request.kind)
      .where('language', '=', request.language)
      .where('valid', '=', true)
      .where((eb) =>
        request.queueId === null
          ? eb('queueId', 'is', null)
          : eb.or([eb('queueId', '=', request.queueId), eb('queueId', 'is', null)]),
      )
      .execute(),
  );
  const chosen =
    rows.find((row) => row.queueId !== null) ??
    rows.find((row) => row.queueId === null) ??
    BUILT_IN_AUTO_RESPONSES[request.kind][request.language];
  const vars = { customerName: request.language === 'it' ? 'cliente' : 'customer', ...definedOnly(request.vars) };
  return { subject: fillVariables(chosen.subject, vars), bodyText: fillVariables(chosen.body, vars) };
}

function definedOnly(vars: AutoResponseVars): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === 'string' && value.trim() !== '') result[name] = value;
  }
  return result;
}
