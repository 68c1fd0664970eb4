/**
 * The decisions of watchful waiting as it happens: a contact recorded (`recordContact`), the plan
 * changed (`planCheckIns`), the extension to six months (`extendWatchfulWaiting`), the early GGZ
 * referral (`referToGgz`) and the coordinator's decision after failed contact attempts
 * (`decideAfterFailedContacts`). Each validator refuses with the field named and changes nothing;
 * each handler changes the plan (workflows/checkInPlan.ts) and the loop (watchfulPlan.ts) follows.
 *
 * Only cases on a plan take the first three: a case that was already waiting on the fixed list
 * when plans came keeps that list (its check-ins are answered through their request, `checkin`).
 * The new requests these start answer only the new updates, which no recorded history holds.
 */
import { contactProblem, futureTimeProblem, isoTime, SIX_MONTH_CHECK_INS } from '../domain/checkIns';
import type { CheckInOutcome } from '../domain/types';
import {
  FAILED_CONTACT_DECISIONS,
  GGZ_REFERRAL_REASONS,
  PLANNING_ACTIONS,
  type ScreeningResult,
} from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import type { PlanEntry } from './checkInPlan';
import type { ContactRecord } from './messages';
import {
  decideAfterFailedContacts,
  extendWatchfulWaiting,
  planCheckIns,
  recordContact,
  referToGgz,
} from './messages';
import { ensureBy, ensureOneOf } from './validation';
import { startGgzReferral } from './watchfulPlan';
import { setRecordedHandler } from './caseFileMilestones';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A screening that could not be done (no contact) is tried again this much later. */
const SCREENING_RETRY_MS = 2 * DAY_MS;

/** The case is in watchful waiting on a plan; else why not, as the validator's refusal. */
function requirePlan(c: MeldingCase): void {
  c.requireActive();
  if (c.phase !== 'watchful_waiting') {
    throw new Error(`the case is not in watchful waiting (phase: ${c.phase})`);
  }
  if (!c.plan.active) {
    throw new Error(
      'this case runs the fixed check-ins it started with: record each through its request (checkin)',
    );
  }
}

/** A check-in of the plan that may still change: planned, not started, not done. */
function plannedEntry(c: MeldingCase, checkInId: unknown): PlanEntry {
  const entry = typeof checkInId === 'string' ? c.plan.get(checkInId) : undefined;
  if (!entry) throw new Error(`checkInId: no planned check-in ${String(checkInId)}`);
  if (entry.status !== 'gepland') {
    throw new Error(
      `checkInId: check-in ${entry.id} is ${entry.status}: only a planned one can be moved or cancelled`,
    );
  }
  return entry;
}

/**
 * A contact: recorded with the plan, the running check-in closed (done), a failed attempt
 * counted, a suspicion of PTSS referred to the GGZ. Shared by `recordContact` and by a check-in
 * answered through its request on a plan.
 */
function applyContact(c: MeldingCase, contact: ContactRecord, running: PlanEntry | undefined): void {
  if (running) {
    const request = c.requests.get(running.id);
    if (request?.isOpen) request.acknowledge(contact.by);
    c.plan.setStatus(running, 'gedaan');
  }
  c.plan.recordContact(contact);
  if (contact.screening === 'ptss_vermoeden' && c.plan.referralId === undefined) startGgzReferral(c, true);
}

/**
 * A check-in answered through its request (the partner link's `checkin`), on a plan: a contact
 * like any other, reached unless `geen_contact`. A screening without contact is tried again: the
 * case no longer ends as done without its screening.
 */
export function checkInAnswered(
  c: MeldingCase,
  requestId: string,
  outcome: CheckInOutcome,
  ptss: boolean | undefined,
  by: string,
): void {
  const entry = c.plan.get(requestId);
  const screening: ScreeningResult | undefined =
    ptss === undefined ? undefined : ptss ? 'ptss_vermoeden' : 'geen_aanwijzing';
  const reached = outcome !== 'geen_contact';
  applyContact(
    c,
    {
      at: new Date().toISOString(),
      by,
      reached,
      ...(outcome !== 'geen_contact' ? { outcome } : {}),
      ...(screening ? { screening } : {}),
    },
    entry?.status === 'open' ? entry : undefined,
  );
  if (!reached && entry?.screening) c.plan.retry(Date.now() + SCREENING_RETRY_MS, true);
}

function registerContact(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordContact,
    (input) => {
      const { by, reached, outcome, screening, retryAt, nextContactAt } = input;
      const note = input.note?.trim();
      const running = c.plan.open();
      applyContact(
        c,
        {
          at: new Date().toISOString(),
          by,
          reached,
          ...(outcome ? { outcome } : {}),
          ...(screening ? { screening } : {}),
          ...(note ? { note } : {}),
          ...(retryAt ? { retryAt } : {}),
        },
        running,
      );
      let value = reached
        ? `bereikt: ${outcome}${screening ? `; screening: ${screening}` : ''}`
        : 'niet bereikt';
      if (!reached) {
        const retry = c.plan.retry(isoTime(retryAt)!, running?.screening === true);
        value += `; nieuwe poging ${retry.id}`;
      }
      if (nextContactAt) {
        const at = isoTime(nextContactAt)!;
        const next = c.plan.nextPlanned();
        if (next) c.plan.move(next, at);
        const moved = next ?? c.plan.add(at);
        value += `; volgend contact ${moved.id}`;
      }
      // The history says what happened; how the victim is doing stays in the case state only.
      c.decide('contactmoment', by, value, running?.id);
      c.publish();
      return c.state();
    },
    {
      validator: (input) => {
        ensureBy(input.by);
        requirePlan(c);
        const problem = contactProblem(input, Date.now());
        if (problem) throw new Error(problem);
        const running = c.plan.open();
        if (input.reached && running?.screening && input.screening === undefined) {
          throw new Error(
            `screening: the running check-in ${running.id} is the screening: say geen_aanwijzing or ptss_vermoeden`,
          );
        }
      },
    },
  );
}

function registerPlanning(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    planCheckIns,
    (input) => {
      let value: string;
      if (input.action === 'toevoegen') {
        const entry = c.plan.add(isoTime(input.at)!);
        value = `toevoegen ${entry.id}`;
      } else if (input.action === 'verplaatsen') {
        c.plan.move(c.plan.get(input.checkInId)!, isoTime(input.at)!);
        value = `verplaatsen ${input.checkInId}`;
      } else {
        c.plan.setStatus(c.plan.get(input.checkInId)!, 'geannuleerd');
        value = `annuleren ${input.checkInId}`;
      }
      c.decide('planning', input.by, value);
      return c.state();
    },
    {
      validator: (input) => {
        ensureBy(input.by);
        requirePlan(c);
        ensureOneOf('action', input.action, PLANNING_ACTIONS);
        if (input.action !== 'toevoegen') plannedEntry(c, input.checkInId);
        if (input.action !== 'annuleren') {
          const problem = futureTimeProblem('at', input.at, Date.now());
          if (problem) throw new Error(problem);
        }
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    extendWatchfulWaiting,
    ({ by }) => {
      c.plan.extend(SIX_MONTH_CHECK_INS, lastScheduledDay(c));
      c.decide('verlenging', by, 'zes maanden');
      return c.state();
    },
    {
      validator: ({ by }) => {
        ensureBy(by);
        requirePlan(c);
        const sixMonthsLast = SIX_MONTH_CHECK_INS[SIX_MONTH_CHECK_INS.length - 1]!.day;
        if (c.plan.extended || lastScheduledDay(c) >= sixMonthsLast) {
          throw new Error('the case already runs six months of watchful waiting');
        }
      },
    },
  );
}

/** The last day of the region's own schedule this case started with. */
function lastScheduledDay(c: MeldingCase): number {
  return c.pathway.checkIns.reduce((last, plan) => Math.max(last, plan.day), 0);
}

function registerReferralAndCoordinator(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    referToGgz,
    ({ reason, by }) => {
      startGgzReferral(c, false);
      c.decide('ggz_verwijzing', by, reason, c.plan.referralId);
      return c.state();
    },
    {
      validator: ({ reason, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureOneOf('reason', reason, GGZ_REFERRAL_REASONS);
        if (c.plan.referralId !== undefined || c.liveOfKind(['ggz_verwijzing']).length > 0) {
          throw new Error('the case is already referred to the GGZ');
        }
        const handedOver = [...c.requests.values()].some(
          (r) => r.view.kind === 'casemanager_overdracht' && r.view.status === 'acknowledged',
        );
        if (!handedOver && c.phase !== 'watchful_waiting') {
          throw new Error('the case is not yet handed over to a casemanager');
        }
        if (c.phase === 'watchful_waiting' && !c.plan.active) {
          throw new Error(
            'this case runs the fixed check-ins it started with: the screening refers to the GGZ',
          );
        }
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    decideAfterFailedContacts,
    ({ besluit, by }) => {
      const request = c.requests.get(c.plan.askingId!)!;
      request.acknowledge(by);
      c.decide('contactpogingen', by, besluit, request.view.requestId);
      c.plan.askingId = undefined;
      if (besluit === 'sluiten') {
        // Closed by this decision: nobody is waited for any more, each open request lapses.
        c.closing = { outcome: 'gesloten', reason: 'slachtoffer_niet_bereikbaar' };
        c.endRequests((r) => r.isOpen, 'vervallen');
      } else {
        // Keep trying, or reach the victim another way: the count starts again, the plan goes on.
        c.plan.resetFailed();
      }
      c.publish();
      return c.state();
    },
    {
      validator: ({ besluit, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureOneOf('besluit', besluit, FAILED_CONTACT_DECISIONS);
        const asking = c.plan.askingId === undefined ? undefined : c.requests.get(c.plan.askingId);
        if (!asking?.isOpen) {
          throw new Error('besluit: no decision is asked (the victim was not missed too often in a row)');
        }
      },
    },
  );
}

export function registerCheckInDecisions(c: MeldingCase): void {
  registerContact(c);
  registerPlanning(c);
  registerReferralAndCoordinator(c);
}
