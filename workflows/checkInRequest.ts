/**
 * One check-in's request, the same for the fixed schedule and the plan: a case with an owner (the
 * casemanager who accepted the handover) sends each check-in and its reminders to the owner's
 * own address first, so the victim keeps meeting the same person; the on-call casemanager and the
 * coordinator follow as before (see ownerFirst).
 */
import { patched } from '@temporalio/workflow';
import type { EscalationStep } from '../domain/types';
import type { MeldingCase } from './caseState';
import type { PartnerRequest } from './partnerRequest';

/**
 * The check-in ladder of an owned case: the ladder's leading on-call steps (the ask and its
 * reminders) go to the owner instead, then the on-call casemanager is asked once (with the first
 * step's wait), then the rest of the ladder as configured (the coordinator). The region's default
 * [on call 24 h, on call 24 h, coordinator 48 h] becomes [owner 24 h, owner 24 h, on call 24 h,
 * coordinator 48 h]. An absent owner skips the owner steps at once (PartnerRequest).
 */
export function ownerFirst(ladder: readonly EscalationStep[]): EscalationStep[] {
  const firstOther = ladder.findIndex((step) => step.tier !== 'primary');
  const lead = firstOther < 0 ? ladder.length : firstOther;
  const first = ladder[0]!;
  const ownerSteps = (lead > 0 ? ladder.slice(0, lead) : [first]).map((step) => ({
    tier: 'owner' as const,
    waitMinutes: step.waitMinutes,
  }));
  return [...ownerSteps, { tier: 'primary', waitMinutes: first.waitMinutes }, ...ladder.slice(lead)];
}

/**
 * Starts the check-in `requestId`. The note says the day after the intake, in the words the
 * partner page translates ("Screening (dag 28)", "Check-in (dag 7)").
 */
export function startCheckIn(
  c: MeldingCase,
  requestId: string,
  day: number,
  screening: boolean,
): PartnerRequest {
  // Cases from before owners (and unowned ones) keep the on-call ladder.
  const toOwner = c.casemanager !== undefined && patched('checkins-to-owner');
  return c.startRequest(
    requestId,
    'checkin',
    'casemanager',
    toOwner ? ownerFirst(c.pathway.checkInLadder) : c.pathway.checkInLadder,
    {
      note: screening ? `Screening (dag ${day})` : `Check-in (dag ${day})`,
      ...(toOwner ? { toOwner } : {}),
    },
  );
}
