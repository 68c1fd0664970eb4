/**
 * The Dutch words the command line prints for the workflow's codes, from the Dutch catalogue the
 * pages use: one place for every word a person reads.
 */
import { translator } from '../i18n';
import type { CaseOutcome, RecipientTier, TriageBasis, TriageWindow } from '../domain/types';
import type { RequestStatus } from '../workflows/messages';

const t = translator('nl');

const TIER_KEYS: Record<RecipientTier, string> = {
  primary: 'ops.tierPrimary',
  backup: 'ops.tierBackup',
  coordinator: 'request.roles.coordinator',
  owner: 'ops.tierOwner',
};

const BASIS_KEYS: Record<TriageBasis, string> = {
  exact: 'form.timeKinds.exact',
  approximate: 'form.timeKinds.ongeveer',
  unknown: 'form.timeKinds.onbekend',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A phase in words; a phase this version does not know yet shows as its code. */
const word = (group: string, code: string): string => {
  const key = `caseWords.${group}.${code}`;
  const text = t(key);
  return text === key ? code : text;
};
export const phaseWord = (phase: string): string => word('phases', phase);
export const statusWord = (status: RequestStatus): string => word('statuses', status);
export const outcomeWord = (outcome: CaseOutcome): string => word('outcomes', outcome);
/** "piket", "achterwacht", "coördinator". */
export const tierWord = (tier: RecipientTier): string => (TIER_KEYS[tier] ? t(TIER_KEYS[tier]) : tier);
export const windowWords = (window: TriageWindow): string => t(`triage.windows.${window}`);
/** How well the incident time is known: "bekend", "ongeveer (tussen twee momenten)", "onbekend". */
export const basisWords = (basis: TriageBasis): string =>
  BASIS_KEYS[basis] ? lowerFirst(t(BASIS_KEYS[basis])) : basis;

/** The tier a person types for a re-assignment, in Dutch or as the code the API uses. */
export const HANDOVER_TIER_WORDS = { piket: 'primary', achterwacht: 'backup' } as const;

/** A partner role in words: "forensisch arts", "NFI"; a role this version does not know shows as its code. */
export const roleWord = (role: string): string => {
  const text = t(`request.roles.${role}`);
  return text === `request.roles.${role}` ? role : text;
};
/** Whom a request waits for: "forensisch arts (piket)". */
export const awaitingWords = (role: string, tier: RecipientTier): string =>
  `${roleWord(role)} (${tierWord(tier)})`;
/** What a request asks for: "Forensisch-medisch onderzoek (FMO)". */
export const requestWords = (kind: string): string => {
  const text = t(`request.kinds.${kind}`);
  return text === `request.kinds.${kind}` ? kind : text;
};
/**
 * A request as the command line lists it: its id in square brackets first (what `ack` and
 * `resend` take), then what it asks and of whom in words.
 */
export const requestLine = (r: {
  requestId: string;
  kind: string;
  role: string;
  awaitedTier: RecipientTier;
}) => `[${r.requestId}] ${requestWords(r.kind)} · ${awaitingWords(r.role, r.awaitedTier)}`;
