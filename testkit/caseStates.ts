/**
 * Case states and request views as the state query answers them, for tests of what is built from
 * a state (worklist, pages) without a workflow: a case of Limburg in watchful waiting, nothing
 * open, with what a test gives laid over it.
 */
import type { CaseState, RequestView } from '../workflows/messages';

/** An open check-in that waits on the owner, due at noon on 30 November 2026 (UTC). */
export function requestView(over: Partial<RequestView>): RequestView {
  return {
    requestId: 'r',
    kind: 'checkin',
    role: 'casemanager',
    status: 'open',
    requestedAt: '2026-11-29T10:00:00Z',
    dueBy: '2026-11-30T12:00:00Z',
    escalationLevel: 0,
    awaitedTier: 'owner',
    ...over,
  };
}

export function caseStateOf(reference: string, over: Partial<CaseState> = {}): CaseState {
  return {
    reference,
    regionId: 'limburg',
    phase: 'watchful_waiting',
    triage: {
      window: 'na_7_dagen',
      acute: false,
      basis: 'exact',
      forensicPartner: 'forensisch_arts',
      medicalPartner: 'medische_zorg_na_72_uur',
    },
    openRequests: [],
    requests: [],
    decisions: [],
    ...over,
  };
}
