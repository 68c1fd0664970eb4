/**
 * The decisions staff and partners record on a running case, each an Update whose validator
 * refuses a wrong input, a closed case or an unknown request with a message naming the field (a
 * refused update changes nothing); the case state and partner-details queries; the SMS provider's
 * delivery reports as a signal. Every accepted decision is recorded with who made it, and the
 * track it concerns follows at once.
 */
import { log, patched, setHandler } from '@temporalio/workflow';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { triage } from '../domain/triage';
import {
  CHECK_IN_OUTCOMES,
  CORRECTION_REASONS,
  PARTNER_ROLES,
  REGION_ID_PATTERN,
  WISHES,
} from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import { transferCase, withdrawCase } from './ending';
import { followMedicalBranch } from './medicalCare';
import {
  acknowledgeRequest,
  caseState,
  correctIncidentTime,
  deliveryStatus,
  handoverDetails,
  recordAangifte,
  recordCheckIn,
  recordConsent,
  recordPoliceWish,
  transfer,
  withdraw,
} from './messages';
import type { PartnerRequest } from './partnerRequest';
import { followCorrectedIncidentTime, followPoliceWish } from './policeAndFmo';
import { ensureBy, ensureIncidentTime, ensureLinkStillAwaited, ensureOneOf } from './validation';
import { checkInAnswered } from './checkInDecisions';
import { isScreening } from './watchfulWaiting';
import { setRecordedHandler } from './caseFileMilestones';
import { registerTaskSteps } from './partnerTask';

function openRequest(c: MeldingCase, requestId: unknown): PartnerRequest {
  const request = typeof requestId === 'string' ? c.requests.get(requestId) : undefined;
  if (!request) throw new Error(`requestId: unknown request "${String(requestId)}"`);
  if (!request.isOpen) {
    throw new Error(`requestId: request "${request.view.requestId}" is already ${request.view.status}`);
  }
  return request;
}

export function registerQueries(c: MeldingCase): void {
  setHandler(caseState, () => c.state());
  setHandler(handoverDetails, (requestId: string) => {
    const request = c.requests.get(requestId);
    if (!request || request.view.status === 'cancelled' || c.completed) return null;
    return request.details();
  });
}

/** A partner's acknowledgement and a check-in's outcome: the answers the ladders wait for. */
function registerAnswers(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    acknowledgeRequest,
    ({ requestId, by }) => {
      const request = c.requests.get(requestId)!;
      // The casemanager who accepts the handover owns the case: check-ins go to them first. A
      // partner link's answer names no person (`partnerlink:...`), so it leaves the case unowned.
      if (
        request.view.kind === 'casemanager_overdracht' &&
        STAFF_ID_PATTERN.test(by) &&
        patched('case-owner')
      ) {
        c.casemanager = by;
      }
      request.acknowledge(by);
      c.decide('ontvangstbevestiging', by, `${request.view.role}/${request.view.awaitedTier}`, requestId);
      return c.state();
    },
    {
      validator: ({ requestId, by, link }) => {
        ensureBy(by);
        if (c.completed) throw new Error('the case is closed');
        const request = openRequest(c, requestId);
        ensureLinkStillAwaited(request.view, link, c.casemanager);
        if (request.view.kind === 'checkin') {
          throw new Error('requestId: a check-in is closed by recording its outcome (recordCheckIn)');
        }
        if (request.view.kind === 'contactpogingen') {
          throw new Error('requestId: the coordinator answers this by deciding (decideAfterFailedContacts)');
        }
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    recordCheckIn,
    ({ requestId, outcome, ptss, by }) => {
      // On a plan, the answer is a contact like one recorded from the worklist.
      if (c.plan.active) checkInAnswered(c, requestId, outcome, ptss, by);
      else c.requests.get(requestId)!.acknowledge(by);
      c.checkInResults.set(requestId, { outcome, ...(ptss !== undefined ? { ptss } : {}) });
      c.decide(
        'checkin',
        by,
        ptss === undefined ? outcome : `${outcome}; ptss: ${ptss ? 'ja' : 'nee'}`,
        requestId,
      );
      return c.state();
    },
    {
      validator: ({ requestId, outcome, ptss, by, link }) => {
        ensureBy(by);
        c.requireActive();
        const request = openRequest(c, requestId);
        ensureLinkStillAwaited(request.view, link, c.casemanager);
        if (request.view.kind !== 'checkin') throw new Error(`requestId: "${requestId}" is not a check-in`);
        ensureOneOf('outcome', outcome, CHECK_IN_OUTCOMES);
        if (ptss !== undefined && typeof ptss !== 'boolean') throw new Error('ptss: expected true or false');
        const screening = isScreening(c, requestId);
        if (ptss !== undefined && !screening) {
          throw new Error('ptss: only a screening check-in records a PTSS finding');
        }
        if (screening && ptss === undefined && outcome !== 'geen_contact') {
          throw new Error('ptss: the screening must say whether it points to PTSS (true or false)');
        }
      },
    },
  );
}

/** The victim's wishes and consent, and a corrected incident time: each track follows at once. */
function registerVictimDecisions(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordPoliceWish,
    ({ wish, by }) => {
      c.policeWish = wish;
      c.decide('politie_wens', by, wish);
      followPoliceWish(c);
      return c.state();
    },
    {
      validator: ({ wish, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureOneOf('wish', wish, WISHES);
        if (wish === c.policeWish) throw new Error(`wish: the police wish is already "${wish}"`);
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    recordConsent,
    ({ role, given, by }) => {
      c.consents[role] = given;
      c.decide('toestemming', by, `${role}: ${given ? 'gegeven' : 'ingetrokken'}`);
      return c.state();
    },
    {
      validator: ({ role, given, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureOneOf('role', role, PARTNER_ROLES);
        if (role === 'casemanager' || role === 'coordinator') {
          throw new Error('role: the CSG itself needs no separate consent');
        }
        if (typeof given !== 'boolean') throw new Error('given: expected true or false');
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    correctIncidentTime,
    ({ incidentTime, reason, by }) => {
      const before = c.triage.window;
      c.triage = triage(incidentTime, c.intake.victimAge, c.intakeAt);
      const why = reason !== undefined ? `; reden: ${reason}` : '';
      c.decide('incidenttijd', by, `${incidentTime.kind}: ${before} → ${c.triage.window}${why}`);
      followCorrectedIncidentTime(c);
      if (patched('medical-branch-follows-correction')) followMedicalBranch(c);
      c.publish();
      return c.state();
    },
    {
      validator: ({ incidentTime, reason, by }) => {
        ensureBy(by);
        c.requireActive();
        ensureIncidentTime(incidentTime, c.intakeAt.getTime());
        if (reason !== undefined) ensureOneOf('reason', reason, CORRECTION_REASONS);
      },
    },
  );
}

/** A withdrawal or a transfer: the case closes in whatever phase it is (see ending.ts). */
function registerEndings(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    withdraw,
    ({ by }) => {
      withdrawCase(c, by);
      return c.state();
    },
    {
      validator: ({ by }) => {
        ensureBy(by);
        if (c.completed) throw new Error('the case is closed');
        if (c.closing?.outcome === 'ingetrokken') throw new Error('the melding is already withdrawn');
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    transfer,
    ({ toRegionId, by }) => {
      transferCase(c, toRegionId, by);
      return c.state();
    },
    {
      validator: ({ toRegionId, by }) => {
        ensureBy(by);
        c.requireActive();
        if (typeof toRegionId !== 'string' || !REGION_ID_PATTERN.test(toRegionId)) {
          throw new Error('toRegionId: expected a region id like "limburg"');
        }
        if (toRegionId === c.pathway.regionId) {
          throw new Error('toRegionId: the case is already in this region');
        }
      },
    },
  );
}

/** Answers, the victim's decisions, withdrawal and transfer. */
export function registerDecisions(c: MeldingCase): void {
  registerAnswers(c);
  registerTaskSteps(c);
  registerVictimDecisions(c);
  registerEndings(c);
}

/** Whether the victim says they made an aangifte (for the semester figures; changes no track). */
export function registerAangifte(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordAangifte,
    ({ made, by }) => {
      c.aangifte = made;
      c.decide('aangifte', by, made ? 'gedaan' : 'niet_gedaan');
      return c.state();
    },
    {
      validator: ({ made, by }) => {
        ensureBy(by);
        c.requireActive();
        if (typeof made !== 'boolean') throw new Error('made: expected true or false');
      },
    },
  );
}

/** The SMS provider's final status: an undelivered notification escalates its request at once. */
export function registerDeliveryReports(c: MeldingCase): void {
  setHandler(deliveryStatus, ({ requestId, attempt, status }) => {
    if (status === 'delivered') return;
    const request = c.requests.get(requestId);
    if (!request) return;
    log.warn('delivery failed at the provider', { meldingRef: c.ref, requestId, attempt, status });
    request.deliveryFailed(attempt);
  });
}
