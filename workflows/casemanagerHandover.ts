/**
 * The casemanager handover: asked at intake, beside the acute requests, up the region's acute or
 * non-acute ladder. The pathway goes on to watchful waiting once the on-call casemanager
 * acknowledged, or once the ladder ran out (the request then stays open and overdue for ops).
 */
import type { MeldingCase } from './caseState';
import type { PartnerRequest } from './partnerRequest';

export function startHandover(c: MeldingCase): PartnerRequest {
  const { casemanagerLadder } = c.pathway;
  return c.startRequest(
    'casemanager_overdracht',
    'casemanager_overdracht',
    'casemanager',
    c.triage.acute ? casemanagerLadder.acute : casemanagerLadder.nonAcute,
    { note: c.intake.immediateDanger ? 'Overdracht; bij intake acuut gevaar gemeld' : 'Overdracht' },
  );
}

/** The handover phase; true when the pathway may go on (the case is not closing). */
export function awaitHandover(c: MeldingCase, handover: PartnerRequest): Promise<boolean> {
  c.setPhase('casemanager_overdracht');
  return c.until(() => handover.ladderFinished);
}
