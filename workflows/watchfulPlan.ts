/**
 * Watchful waiting on a plan (workflows/checkInPlan.ts): the loop waits for the earliest planned
 * check-in and wakes whenever the plan changes (a check-in added, moved, cancelled, a contact
 * recorded), starts the check-in's request as the fixed schedule did, and ends once nothing is
 * planned and no screening is waiting for its outcome.
 *
 * Two things stop the check-ins: a GGZ referral (early, at any moment after the handover, or after
 * a screening that points to PTSS), which ends watchful waiting once the GGZ confirms; and too many
 * failed contact attempts in a row, after which the region's coordinator is asked and the plan
 * waits for the decision (checkInDecisions.ts) instead of closing the case by itself.
 */
import type { CaseOutcome } from '../domain/types';
import type { MeldingCase } from './caseState';
import type { PlanEntry } from './checkInPlan';
import { startCheckIn } from './checkInRequest';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The GGZ referral, started now; watchful waiting ends once the GGZ confirms it. */
export function startGgzReferral(c: MeldingCase, afterScreening: boolean): void {
  const request = c.startRequest(
    c.nextId('ggz_verwijzing'),
    'ggz_verwijzing',
    'ggz',
    c.pathway.partnerLadder,
    // The partner page has the words for the screening's note; an early referral needs none.
    afterScreening ? { note: 'Verwijzing na screening die wijst op PTSS' } : {},
  );
  c.plan.referralId = request.view.requestId;
}

/** The running check-in's request, while it is open. */
function openRequest(
  c: MeldingCase,
): { entry: PlanEntry; isOpen: boolean; ladderFinished: boolean } | undefined {
  const entry = c.plan.open();
  const request = entry && c.requests.get(entry.id);
  if (!entry || !request) return undefined;
  return { entry, isOpen: request.isOpen, ladderFinished: request.ladderFinished };
}

/**
 * Whether the running check-in holds the next one back: a screening until its outcome (the case
 * cannot go on without it), a check-in until its ladder ran (the coordinator knows by then).
 */
function holdsBack(c: MeldingCase): boolean {
  const running = openRequest(c);
  if (!running?.isOpen) return false;
  return running.entry.screening || !running.ladderFinished;
}

/** The running check-in nobody answered lapses (the next one starts, or watchful waiting ends). */
function lapseRunning(c: MeldingCase): void {
  const running = c.plan.open();
  if (!running) return;
  const request = c.requests.get(running.id);
  if (request?.isOpen) c.endRequest(request, 'vervallen');
  c.plan.setStatus(running, 'vervallen');
}

function begin(c: MeldingCase, entry: PlanEntry): void {
  lapseRunning(c);
  c.plan.setStatus(entry, 'open');
  const day = entry.day ?? Math.max(0, Math.round((entry.at - c.checkInBase) / DAY_MS));
  startCheckIn(c, entry.id, day, entry.screening);
}

/** The referral's phase: the running check-in and the plan lapse; the case ends once the GGZ confirms. */
async function referred(c: MeldingCase, requestId: string): Promise<CaseOutcome | undefined> {
  lapseRunning(c);
  c.plan.lapseRemaining();
  c.setPhase('ggz_verwijzing');
  const referral = c.requests.get(requestId)!;
  if (!(await c.until(() => referral.view.status === 'acknowledged'))) return undefined;
  return 'verwezen_ggz';
}

/**
 * Too many failed contact attempts: the coordinator of the region is asked (at the check-ins'
 * pace) and the plan waits for the decision; a contact that reaches the victim meanwhile, or a
 * referral, makes the question moot. True when it may go on.
 */
async function askCoordinator(c: MeldingCase): Promise<boolean> {
  const request = c.startRequest(
    c.nextId('contactpogingen'),
    'contactpogingen',
    'coordinator',
    c.pathway.checkInLadder.map((step) => ({ ...step, tier: 'coordinator' as const })),
  );
  c.plan.askingId = request.view.requestId;
  const go = await c.until(() => !request.isOpen || c.plan.referralId !== undefined || !c.plan.tooManyFailed);
  // Reached meanwhile (or referred): the question is moot; the coordinator hears it lapsed.
  if (go && request.isOpen) c.endRequest(request, 'vervallen');
  c.plan.askingId = undefined;
  return go;
}

/** The plan's loop; the outcome, or undefined when the case started closing meanwhile. */
export async function plannedWatchfulWaiting(c: MeldingCase): Promise<CaseOutcome | undefined> {
  const { plan } = c;
  plan.start(c.pathway.checkIns, c.checkInBase);
  const outcome = await runPlan(c);
  // Whatever is still planned will not happen now.
  plan.lapseRemaining();
  return outcome;
}

async function runPlan(c: MeldingCase): Promise<CaseOutcome | undefined> {
  const { plan } = c;
  for (;;) {
    if (plan.referralId !== undefined) return referred(c, plan.referralId);
    if (plan.tooManyFailed && plan.askingId === undefined) {
      if (!(await askCoordinator(c))) return undefined;
      continue;
    }
    const version = plan.version;
    const changed = () =>
      plan.version !== version ||
      plan.referralId !== undefined ||
      (plan.tooManyFailed && plan.askingId === undefined);
    const next = plan.nextPlanned();
    if (!next) {
      // Nothing planned: done, unless a screening still waits for its outcome or a check-in runs its ladder.
      if (!holdsBack(c)) return 'afgerond';
      if (!(await c.until(() => changed() || !holdsBack(c)))) return undefined;
      continue;
    }
    const wait = next.at - Date.now();
    if (wait > 0) {
      if (!(await c.until(changed, wait))) return undefined;
      if (changed()) continue;
    }
    if (holdsBack(c)) {
      if (!(await c.until(() => changed() || !holdsBack(c)))) return undefined;
      continue;
    }
    begin(c, next);
  }
}
