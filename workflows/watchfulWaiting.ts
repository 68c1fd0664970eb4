/**
 * Watchful waiting. A case starts it on a plan the casemanager can change (watchfulPlan.ts);
 * cases already waiting on the fixed list of the region's check-ins when plans came keep that
 * list to the end (below): their history has no room for the plan's commands.
 *
 * The fixed list: the region's check-ins (PathwaySettings.checkIns), counted in days from the
 * intake. A screening that points to PTSS ends the case in a referral to the GGZ partner.
 */
import { patched } from '@temporalio/workflow';
import { plannedCheckInId } from '../domain/checkIns';
import type { CaseOutcome, CheckInPlan, PathwaySettings } from '../domain/types';
import type { MeldingCase } from './caseState';
import { startCheckIn } from './checkInRequest';
import type { NextCheckIn } from './messages';
import type { PartnerRequest } from './partnerRequest';
import { plannedWatchfulWaiting } from './watchfulPlan';

export { ownerFirst } from './checkInRequest';

const DAY_MS = 24 * 60 * 60 * 1000;

export const checkInId = plannedCheckInId;

/** Whether the check-in `requestId` is a screening (which records a PTSS finding). */
export function isScreening(c: MeldingCase, requestId: string): boolean {
  if (c.plan.active) return c.plan.get(requestId)?.screening === true;
  return c.pathway.checkIns.some((plan) => plan.screening && checkInId(plan.day) === requestId);
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

/** Runs watchful waiting; the outcome, or undefined when the case started closing meanwhile. */
export async function watchfulWaiting(c: MeldingCase): Promise<CaseOutcome | undefined> {
  c.setPhase('watchful_waiting');
  if (patched('checkin-plan')) return plannedWatchfulWaiting(c);
  return fixedWatchfulWaiting(c);
}

/** The region's check-ins one after the other, as cases started before plans run them. */
async function fixedWatchfulWaiting(c: MeldingCase): Promise<CaseOutcome | undefined> {
  const { pathway } = c;
  let previous: PartnerRequest | undefined;
  for (const plan of pathway.checkIns) {
    const dueAt = c.checkInBase + plan.day * DAY_MS;
    c.nextCheckIn = plannedCheckIn(pathway, plan, dueAt);
    if (dueAt > Date.now() && !(await c.until(() => false, dueAt - Date.now()))) return undefined;
    // A check-in nobody answered lapses when the next one starts (the coordinator already knows).
    if (previous?.isOpen) c.endRequest(previous, 'vervallen');
    const requestId = checkInId(plan.day);
    const checkIn = startCheckIn(c, requestId, plan.day, plan.screening);
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
