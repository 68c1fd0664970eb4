/**
 * Custom search attributes that let ops find cases in the Temporal UI. They are stored
 * unencrypted: never personal data here, only codes, times and counts.
 *
 * The same names are registered on the dev server at start (scripts/temporal-dev-server.sh reads
 * `SEARCH_ATTRIBUTE_REGISTRATIONS`) and on the test servers (testkit/temporal.ts
 * `ALL_SEARCH_ATTRIBUTES`); keep the lists in step.
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
/**
 * For ops: when the open casemanager handover was first requested; empty once it
 * is answered or closed. Unlike CsgAwaitedSince it does not restart with each step of the ladder,
 * so "awaiting a casemanager for more than 15 minutes" can be asked.
 */
export const CsgHandoverOpenSince = defineSearchAttributeKey(
  'CsgHandoverOpenSince',
  SearchAttributeType.DATETIME,
);
/** True while any open request awaits the region's coordinator (the last step of a ladder). */
export const CsgCoordinatorAwaited = defineSearchAttributeKey(
  'CsgCoordinatorAwaited',
  SearchAttributeType.BOOL,
);
/** True once any delivery of this case failed (send failed for good, or the provider reported it). */
export const CsgDeliveryFailed = defineSearchAttributeKey('CsgDeliveryFailed', SearchAttributeType.BOOL);

/**
 * The keyed blind indexes a case is found again by (cases/blindIndex.ts): HMACs of the phone
 * number and of the name with the date of birth, never the values. Set at start by the case
 * client, which alone holds the key; the workflow only passes on new values it is handed.
 */
export const CsgZoekIndex = defineSearchAttributeKey('CsgZoekIndex', SearchAttributeType.KEYWORD_LIST);

/**
 * The earlier meldingen this one is linked to (references only, never personal data), so the
 * earlier case finds the later ones by a visibility query, also once it is closed. Set at start
 * by the case client; a later link upserts the whole list.
 */
export const CsgGekoppeld = defineSearchAttributeKey('CsgGekoppeld', SearchAttributeType.KEYWORD_LIST);

/**
 * The region a case was transferred to (a region id, a code), once the transfer is under way or
 * done: that region's staff find and see the case beside its own region's (cases/access.ts).
 */
export const CsgOvergedragenNaar = defineSearchAttributeKey(
  'CsgOvergedragenNaar',
  SearchAttributeType.KEYWORD,
);

/**
 * The case's owner: the staff id of the casemanager who accepted the handover (or was handed the
 * case since), so a worklist finds "my cases" by a visibility query. A staff id, never victim data.
 */
export const CsgCasemanager = defineSearchAttributeKey('CsgCasemanager', SearchAttributeType.KEYWORD);

/**
 * True while the case is flagged for the region's next case consultation. Only the flag: its note
 * stays in the case (domain/casusoverleg.ts).
 */
export const CsgCasusoverleg = defineSearchAttributeKey('CsgCasusoverleg', SearchAttributeType.BOOL);

/** name → CLI type, for `temporal server start-dev --search-attribute name=Type`. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: Record<
  string,
  'Keyword' | 'KeywordList' | 'Datetime' | 'Int' | 'Bool'
> = {
  CsgRegion: 'Keyword',
  CsgPhase: 'Keyword',
  CsgTriageWindow: 'Keyword',
  CsgAwaitedParty: 'Keyword',
  CsgAwaitedSince: 'Datetime',
  CsgAwaitedDeadline: 'Datetime',
  CsgEscalationLevel: 'Int',
  CsgHandoverOpenSince: 'Datetime',
  CsgCoordinatorAwaited: 'Bool',
  CsgDeliveryFailed: 'Bool',
  CsgZoekIndex: 'KeywordList',
  CsgGekoppeld: 'KeywordList',
  CsgOvergedragenNaar: 'Keyword',
  CsgCasemanager: 'Keyword',
  CsgCasusoverleg: 'Bool',
};
