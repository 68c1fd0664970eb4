/**
 * Custom search attributes that let ops find cases in the Temporal UI. They are stored
 * unencrypted: never personal data here, only codes, times and counts.
 *
 * The same names are registered on the dev server at start (scripts/dev-server.sh) and on the
 * test servers; keep the three lists in step through `SEARCH_ATTRIBUTE_REGISTRATIONS`.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CsgRegion = defineSearchAttributeKey('CsgRegion', SearchAttributeType.KEYWORD);
export const CsgPhase = defineSearchAttributeKey('CsgPhase', SearchAttributeType.KEYWORD);
export const CsgTriageWindow = defineSearchAttributeKey('CsgTriageWindow', SearchAttributeType.KEYWORD);
/** Who the case waits for, as "role/tier", e.g. "casemanager/backup"; empty when nobody is awaited. */
export const CsgAwaitedParty = defineSearchAttributeKey('CsgAwaitedParty', SearchAttributeType.KEYWORD);
export const CsgAwaitedSince = defineSearchAttributeKey('CsgAwaitedSince', SearchAttributeType.DATETIME);
/** Earliest deadline among the open requests: "past its deadline" is CsgAwaitedDeadline < now. */
export const CsgAwaitedDeadline = defineSearchAttributeKey(
  'CsgAwaitedDeadline',
  SearchAttributeType.DATETIME,
);
export const CsgEscalationLevel = defineSearchAttributeKey('CsgEscalationLevel', SearchAttributeType.INT);

/** name → CLI type, for `temporal server start-dev --search-attribute name=Type`. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: Record<string, 'Keyword' | 'Datetime' | 'Int'> = {
  CsgRegion: 'Keyword',
  CsgPhase: 'Keyword',
  CsgTriageWindow: 'Keyword',
  CsgAwaitedParty: 'Keyword',
  CsgAwaitedSince: 'Datetime',
  CsgAwaitedDeadline: 'Datetime',
  CsgEscalationLevel: 'Int',
};
