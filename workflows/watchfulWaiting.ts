/**
 * Watchful waiting: the region's check-ins (PathwaySettings.checkIns), counted in days from the
 * intake. A screening that points to PTSS ends the case in a referral to the GGZ partner.
 *
 * A case with an owner (the casemanager who accepted the handover) sends each check-in and its
 * reminders to the owner's own address first, so the victim keeps meeting the same person; the
 * on-call casemanager and the coordinator follow as before (see ownerFirst).
 */
import { patched } from '@temporalio/workflow';
import type { CaseOutcome, CheckInPlan, EscalationStep, PathwaySettings } from '../domain/types';
import type { MeldingCase } from './caseState';
import type { NextCheckIn } from './messages';
import type { PartnerRequest } from './partnerRequest';

const DAY_MS = 24 * 60 * 60 * 1000;

export function checkInId(day: number): string {
  return `checkin-dag-${day}`;
}

/** Whether the check-in `requestId` is one of the pathway's screenings (which record a PTSS finding). */
export function isScreening(pathway: PathwaySettings, requestId: string): boolean {
  return pathway.checkIns.some((plan) => plan.screening && checkInId(plan.day) === requestId);
}

/** What the case page and the API show of the check-in planned for `dueAt`. */
function plannedCheckIn(pathway: PathwaySettings, plan: CheckInPlan, dueAt: number): NextCheckIn {
  return {
    at: new Date(dueAt).toISOString(),
    number: pathway.checkIns.indexOf(plan) + 1,
    of: pathway.checkIns.length,
    screening: plan.screening,
  };
}

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

/** Runs the check-ins; the outcome, or undefined when the case started closing meanwhile. */
export async function watchfulWaiting(c: MeldingCase): Promise<CaseOutcome | undefined> {
  c.setPhase('watchful_waiting');
  const { pathway } = c;
  let previous: PartnerRequest | undefined;
  for (const plan of pathway.checkIns) {
    const dueAt = c.checkInBase + plan.day * DAY_MS;
    c.nextCheckIn = plannedCheckIn(pathway, plan, dueAt);
    if (dueAt > Date.now() && !(await c.until(() => false, dueAt - Date.now()))) return undefined;
    // A check-in nobody answered lapses when the next one starts (the coordinator already knows).
    if (previous?.isOpen) c.endRequest(previous, 'vervallen');
    const requestId = checkInId(plan.day);
    // Cases from before owners (and unowned ones) keep the on-call ladder.
    const toOwner = c.casemanager !== undefined && patched('checkins-to-owner');
    const checkIn = c.startRequest(
      requestId,
      'checkin',
      'casemanager',
      toOwner ? ownerFirst(pathway.checkInLadder) : pathway.checkInLadder,
      {
        note: plan.screening ? `Screening (dag ${plan.day})` : `Check-in (dag ${plan.day})`,
        ...(toOwner ? { toOwner } : {}),
      },
    );
    previous = checkIn;
    // A screening waits for its outcome (the case cannot close without it); a check-in only for its ladder.
    const answered = plan.screening ? () => !checkIn.isOpen : () => !checkIn.isOpen || checkIn.ladderFinished;
    if (!(await c.until(answered))) return undefined;
    if (plan.screening && c.checkInResults.get(requestId)?.ptss === true) {
      c.setPhase('ggz_verwijzing');
      const referral = c.startRequest('ggz_verwijzing', 'ggz_verwijzing', 'ggz', pathway.partnerLadder, {
        note: 'Verwijzing na screening die wijst op PTSS',
      });
      if (!(await c.until(() => referral.view.status === 'acknowledged'))) return undefined;
      return 'verwezen_ggz';
    }
  }
  return 'afgerond';
}
