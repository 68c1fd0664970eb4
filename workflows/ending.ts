/**
 * How a case ends. A withdrawal, a transfer or an ops closing can come in any phase: it marks
 * the case as closing and stops the open requests at once, each partner told, so nobody contacts
 * the victim; the pathway sees the mark at its next wait. The ending itself (a transfer's handover
 * to the other region, the last notices, the semester report record) runs once the pathway stops.
 */
import { allHandlersFinished, condition, log, patched, upsertSearchAttributes } from '@temporalio/workflow';
import type { MeldingResult, NoticeKind } from '../domain/types';
import type { MeldingCase } from './caseState';
import { inviteToExperience } from './experienceInvite';
import { CsgOvergedragenNaar } from './searchAttributes';
import { reportRecordOf, writeReportRecord } from './semesterReport';

export function withdrawCase(c: MeldingCase, by: string): void {
  const wasTransfer = c.closing?.outcome === 'overgedragen';
  c.closing = { outcome: 'ingetrokken' };
  c.decide('intrekking', by, wasTransfer ? 'ingetrokken tijdens overdracht' : 'ingetrokken');
  // Stop every outgoing contact now, and tell every partner who knows of the case (an
  // acknowledged FMO or police request could still lead to a call) not to contact the victim.
  c.endRequests(
    (r) => r.isOpen || (r.view.status === 'acknowledged' && r.view.kind !== 'checkin'),
    'ingetrokken',
  );
  c.publish();
}

export function transferCase(c: MeldingCase, toRegionId: string, by: string): void {
  c.closing = { outcome: 'overgedragen', toRegionId };
  c.closingRegion = toRegionId;
  c.transferredTo = toRegionId;
  // The receiving region's staff find the case by it (a region id, no personal data); a case
  // transferred before this was recorded only in its state, which the case page reads.
  if (patched('transfer-region-searchable')) {
    upsertSearchAttributes([{ key: CsgOvergedragenNaar, value: toRegionId }]);
  }
  c.decide('overdracht', by, `naar ${toRegionId}`);
  for (const r of c.requests.values()) if (r.isOpen) c.endRequest(r, 'overgedragen');
  c.publish();
}

/**
 * A closing by hand (ops or a coordinator), recorded with who and why for the case's timeline:
 * nobody is waited for any more; each open request stops and its partners hear it lapsed.
 */
export function closeByOps(c: MeldingCase, by: string, reason: string): void {
  c.closing = { outcome: 'gesloten', reason };
  c.decide('sluiting', by, reason);
  c.endRequests((r) => r.isOpen, 'vervallen');
}

/**
 * The outcome once the case is closing or closed, for the ops actions. A transfer nobody accepts
 * is a stuck case too: ops may re-send or close it meanwhile.
 */
export function closedAs(c: MeldingCase): string | undefined {
  if (c.completed) return c.outcome ?? 'afgesloten';
  return c.closing?.outcome === 'overgedragen' ? undefined : c.closing?.outcome;
}

async function transferToRegion(c: MeldingCase, toRegionId: string): Promise<void> {
  const { pathway } = c;
  const handover = c.startRequest(
    'regio_overdracht',
    'regio_overdracht',
    'coordinator',
    pathway.partnerLadder.map((step) => ({ ...step, tier: 'coordinator' as const })),
    { regionId: toRegionId, note: `Overdracht van ${pathway.regionId}` },
  );
  // A withdrawal during the transfer still wins: its handler cancels this request.
  if (patched('transfer-waits-for-acknowledgement')) {
    // The case is not handed over until the other region says so: a transfer nobody accepted
    // stays open and overdue where ops see it, instead of closing as "overgedragen".
    await condition(() => !handover.isOpen);
  } else {
    await condition(() => !handover.isOpen || handover.ladderFinished);
  }
}

/** Ends the case after the pathway stopped: every open request is told, the record written. */
export async function endCase(c: MeldingCase): Promise<MeldingResult> {
  const { closing } = c;
  if (closing?.outcome === 'overgedragen' && closing.toRegionId)
    await transferToRegion(c, closing.toRegionId);
  const notice: NoticeKind =
    c.closing?.outcome === 'ingetrokken'
      ? 'ingetrokken'
      : c.closing && c.closing.outcome !== 'gesloten'
        ? 'overgedragen'
        : 'vervallen';
  c.endRequests((r) => r.isOpen, notice);
  c.outcome = c.closing?.outcome ?? c.outcome ?? 'afgerond';
  c.completed = true;
  await c.noticesSent();
  c.setPhase('afgesloten');
  c.caseFile.closing(c.closing?.reason);
  if (patched('semester-report-record')) {
    await writeReportRecord(
      reportRecordOf({
        intake: c.intake,
        regionId: c.pathway.regionId,
        acute: c.triage.acute,
        requests: [...c.requests.values()].map((r) => r.view),
        calledOff: c.calledOff,
        aangifte: c.aangifte,
      }),
      c.ref,
      c.openReportRecord,
    );
  }
  // Closed now: the invitation below may wait for a reasonable hour, the closing does not.
  const closedAt = new Date().toISOString();
  await inviteToExperience(c);
  // Nor before every case file record is written (cases from before it write none).
  await condition(() => allHandlersFinished() && c.caseFile.idle);
  log.info('melding closed', { meldingRef: c.ref, outcome: c.outcome });
  return { reference: c.ref, outcome: c.outcome, closedAt };
}
