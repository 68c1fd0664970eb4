/**
 * The melding workflow: one durable case per report (workflow id = melding reference), from
 * triage to the end of watchful waiting.
 *
 * Phases, as ops follow them in the Temporal UI (search attribute CsgPhase):
 *   triage → acute_zorg (police / FMO / medical requests under way, if any)
 *          → casemanager_overdracht (until the on-call casemanager acknowledged, or the ladder ran out)
 *          → watchful_waiting (check-ins from PathwaySettings.checkIns)
 *          → ggz_verwijzing (only when the screening points to PTSS) → afgesloten.
 * The casemanager handover starts at intake, beside the acute requests. The police track follows
 * the victim's wish at any moment (a later "ja" starts it, a "nee" withdraws it). A withdrawal or
 * a transfer ends the case in any phase: every open request is cancelled at once and its partner
 * told, so nobody contacts the victim.
 *
 * Decisions arrive as Updates with validators (a rejected update changes nothing); delivery
 * reports as a signal. The state query and the search attributes hold no personal data.
 *
 * Changing the pathway later: wrap the new behaviour in `if (patched('<change-id>'))` so running
 * cases keep their old path, and record a new history into test/replay/histories/.
 */
import { allHandlersFinished, condition, log, patched, setHandler } from '@temporalio/workflow';
import { sharedDetailsFor, sharingBasis, type ConsentByRole } from '../domain/sharing';
import { triage } from '../domain/triage';
import {
  PARTNER_ROLES,
  type CaseOutcome,
  type CasePhase,
  type CheckInOutcome,
  type EscalationStep,
  type MeldingResult,
  type MeldingWorkflowInput,
  type NoticeKind,
  type PartnerRole,
  type PoliceWish,
  type RequestKind,
  type TriageResult,
} from '../domain/types';
import {
  acknowledgeRequest,
  caseState,
  correctIncidentTime,
  deliveryStatus,
  handoverDetails,
  recordCheckIn,
  recordConsent,
  recordPoliceWish,
  transfer,
  withdraw,
  recordAangifte,
  type CaseState,
  type DecisionRecord,
  type DecisionType,
  type FmoOffer,
} from './messages';
import { PartnerRequest, sendNotice } from './partnerRequest';
import { registerOpsActions } from './opsActions';
import { opsDetailsPublisher } from './opsDetails';
import { reportRecordOf, writeReportRecord } from './semesterReport';
import { searchAttributePublisher } from './visibility';
import { ensureBy, ensureIncidentTime, ensureOneOf } from './validation';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** An FMO not yet confirmed this long before the end of the acute window goes to the coordinator. */
const FMO_AT_RISK_BEFORE_DEADLINE_MS = 12 * HOUR_MS;
const POLICE_KINDS: RequestKind[] = ['informatief_gesprek', 'fmo'];
const ACUTE_KINDS: RequestKind[] = ['informatief_gesprek', 'fmo', 'medische_zorg'];

interface RequestOptions {
  note?: string;
  regionId?: string;
  deadline?: number;
  atRiskAt?: number;
}

export async function meldingWorkflow(input: MeldingWorkflowInput): Promise<MeldingResult> {
  const { intake, pathway } = input;
  const ref = intake.reference;
  const intakeAt = new Date(intake.receivedAt);
  // Check-in days count from the intake; a back-dated intake cannot schedule into the past twice.
  const checkInBase = Math.min(intakeAt.getTime(), Date.now());

  // ---- case state ----------------------------------------------------------------------------
  let triageResult: TriageResult = triage(intake.incidentTime, intake.victimAge, intakeAt);
  let phase: CasePhase = 'triage';
  let policeWish: PoliceWish = intake.wishes.police;
  let fmoOffer: FmoOffer | undefined;
  let medicalBranch: TriageResult['medicalPartner'] | undefined;
  let outcome: CaseOutcome | undefined;
  /** Set by a withdrawal or a transfer; the main flow sees it at its next wait and closes. */
  let closing: { outcome: 'ingetrokken' | 'overgedragen' | 'gesloten'; toRegionId?: string } | undefined;
  let completed = false;
  const consents: ConsentByRole = {};
  const decisions: DecisionRecord[] = [];
  const requests = new Map<string, PartnerRequest>();
  const noticed = new Set<string>();
  /** Requests stood down while the case ran (not by its end): for the semester figures. */
  const calledOff = new Set<string>();
  let aangifte = false;
  const noticeJobs: Promise<void>[] = [];
  const checkInResults = new Map<string, { outcome: CheckInOutcome; ptss?: boolean }>();
  const screeningIds = new Set(pathway.checkIns.filter((c) => c.screening).map((c) => checkInId(c.day)));
  const publishSearchAttributes = searchAttributePublisher();
  const publishOpsDetails = opsDetailsPublisher();
  /** The region whose directory the closing notices go through (the new region for the transfer request). */
  let closingRegion = pathway.regionId;

  function decide(type: DecisionType, by: string, value: string, requestId?: string): void {
    decisions.push({ at: new Date().toISOString(), by, type, value, ...(requestId ? { requestId } : {}) });
  }

  function state(): CaseState {
    const views = [...requests.values()].map((r) => ({ ...r.view }));
    return {
      reference: ref,
      regionId: pathway.regionId,
      phase,
      triage: { ...triageResult },
      ...(medicalBranch ? { medicalBranch } : {}),
      openRequests: views.filter((v) => v.status === 'open'),
      requests: views,
      decisions: decisions.map((d) => ({ ...d })),
      ...(outcome ? { outcome } : {}),
      ...(fmoOffer ? { fmoOffer } : {}),
      policeWish,
    };
  }

  function publish(): void {
    // Issue 10: three more search attributes and a memo for ops; running cases keep their upserts.
    const opsVisibility = patched('ops-visibility');
    const handover = requests.get('casemanager_overdracht');
    const visible = {
      regionId: pathway.regionId,
      phase,
      triageWindow: triageResult.window,
      open: [...requests.values()]
        .filter((r) => r.isOpen)
        .map((r) => ({
          role: r.view.role,
          tier: r.view.awaitedTier,
          dueBy: Date.parse(r.view.dueBy),
          since: r.stepStartedAt,
          escalationLevel: r.view.escalationLevel,
        })),
      ...(opsVisibility
        ? {
            ops: {
              handoverOpenSince: handover?.isOpen ? Date.parse(handover.view.requestedAt) : null,
              deliveryFailed: [...requests.values()].some((r) => r.deliveryFailures > 0),
            },
          }
        : {}),
    };
    publishSearchAttributes(visible);
    publishOpsDetails({ ...visible, ...(outcome ? { outcome } : {}) }, opsVisibility);
    ops?.observe();
  }

  function setPhase(next: CasePhase): void {
    phase = next;
    log.info('melding phase', { meldingRef: ref, phase });
    publish();
  }

  function startRequest(
    requestId: string,
    kind: RequestKind,
    role: PartnerRole,
    ladder: EscalationStep[],
    options: RequestOptions = {},
  ): PartnerRequest {
    const request = new PartnerRequest({
      meldingRef: ref,
      regionId: options.regionId ?? pathway.regionId,
      requestId,
      kind,
      role,
      ladder,
      details: () =>
        sharedDetailsFor({
          intake,
          triageWindow: triageResult.window,
          kind,
          role,
          consents,
          note: options.note,
        }),
      sharing: () => sharingBasis(role, consents),
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.atRiskAt !== undefined ? { atRiskAt: options.atRiskAt } : {}),
      onChange: publish,
    });
    requests.set(requestId, request);
    publish();
    return request;
  }

  /** Cancels the request if open and tells its partner once; the notice goes out beside the flow. */
  function endRequest(request: PartnerRequest, notice: NoticeKind, regionId = pathway.regionId): void {
    request.cancel();
    if (noticed.has(request.view.requestId)) return;
    noticed.add(request.view.requestId);
    if (!closing && !completed) calledOff.add(request.view.requestId);
    noticeJobs.push(sendNotice(ref, regionId, request, notice));
  }

  /** A fresh id per round: a "ja" after a "nee" is a new request, never a re-used one. */
  function nextId(base: string): string {
    if (!requests.has(base)) return base;
    let n = 2;
    while (requests.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /**
   * A request still in play: not cancelled, and its partner not told to stand down. An acknowledged
   * police request that got the "ingetrokken" notice is over, so a later "ja" starts a new one.
   */
  const live = (r: PartnerRequest) => r.view.status !== 'cancelled' && !noticed.has(r.view.requestId);
  const liveOfKind = (kinds: RequestKind[]) =>
    [...requests.values()].filter((r) => live(r) && kinds.includes(r.view.kind));
  const liveFmo = () => liveOfKind(['fmo']).find((r) => r.view.role !== 'forensische_opsporing');
  const liveOpsporing = () => liveOfKind(['fmo']).find((r) => r.view.role === 'forensische_opsporing');

  // ---- the police and FMO track: follows the victim's wish at any moment ------------------------
  /**
   * At intake the triage decides (an intake at exactly 7 days is still acute); later decisions
   * (a changed wish, a corrected time) also need the acute window to be still open now.
   */
  function fmoDecision(atIntake = false): FmoOffer {
    const deadline = triageResult.fmoDeadline ? Date.parse(triageResult.fmoDeadline) : undefined;
    if (!triageResult.acute || deadline === undefined) return 'buiten_acute_termijn';
    if (!atIntake && Date.now() > deadline) return 'buiten_acute_termijn';
    if (policeWish === 'ja') return 'aangevraagd';
    if (policeWish === 'twijfel') {
      return pathway.fmoWhenUndecided ? 'aangeboden_bij_twijfel' : 'niet_aangeboden_bij_twijfel';
    }
    return 'niet_gewenst';
  }

  function recordFmoOffer(next: FmoOffer): void {
    if (next === fmoOffer) return;
    fmoOffer = next;
    decide('fmo_aanbod', 'workflow', next);
  }

  function followPoliceWish(atIntake = false): void {
    if (closing || completed) return;
    if (policeWish === 'nee') {
      // The victim does not (or no longer) want police contact: stop and tell every police-side partner.
      for (const r of liveOfKind(POLICE_KINDS)) endRequest(r, 'ingetrokken');
      recordFmoOffer(fmoDecision(atIntake));
      return;
    }
    if (policeWish === 'twijfel') {
      // Undecided means no police contact: stand the police side down. The FMO stays only where
      // the region offers it to undecided victims (traces secured, no aangifte yet).
      for (const r of liveOfKind(['informatief_gesprek'])) endRequest(r, 'ingetrokken');
      const opsporing = liveOpsporing();
      if (opsporing) endRequest(opsporing, 'ingetrokken');
      const fmo = liveFmo();
      if (fmo && !pathway.fmoWhenUndecided) endRequest(fmo, 'ingetrokken');
    }
    if (policeWish === 'ja' && liveOfKind(['informatief_gesprek']).length === 0) {
      startRequest(
        nextId('informatief_gesprek'),
        'informatief_gesprek',
        'zedenpolitie',
        pathway.partnerLadder,
        {
          note: 'Informatief gesprek over aangifte, sporenonderzoek en FMO',
        },
      );
    }
    const offer = fmoDecision(atIntake);
    if (liveFmo() && offer !== 'buiten_acute_termijn') {
      // An FMO offered while undecided gets its forensisch rechercheur once the victim wants to report.
      if (policeWish === 'ja') {
        recordFmoOffer('aangevraagd');
        if (!liveOpsporing()) startOpsporing();
      } else {
        recordFmoOffer(offer);
      }
      return;
    }
    recordFmoOffer(offer);
    if (offer !== 'aangevraagd' && offer !== 'aangeboden_bij_twijfel') return;
    const deadline = Date.parse(triageResult.fmoDeadline!);
    const undecided = offer === 'aangeboden_bij_twijfel';
    // The NFI examines victims of 15 and younger, the local forensisch arts everyone else.
    startRequest(nextId('fmo'), 'fmo', triageResult.forensicPartner, pathway.partnerLadder, {
      note: undecided
        ? 'FMO: sporen veiligstellen, slachtoffer twijfelt nog over aangifte'
        : 'FMO met forensische opsporing; medische zorg in hetzelfde bezoek',
      deadline,
      atRiskAt: deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS,
    });
    // The forensisch rechercheur must be present at an FMO for an aangifte; while the victim is
    // undecided the police are not contacted.
    if (!undecided) startOpsporing();
  }

  function startOpsporing(): void {
    const deadline = Date.parse(triageResult.fmoDeadline!);
    startRequest(nextId('fmo-opsporing'), 'fmo', 'forensische_opsporing', pathway.partnerLadder, {
      note: 'Aanwezigheid forensisch rechercheur bij het FMO',
      deadline,
      atRiskAt: deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS,
    });
  }

  /** Medical care, coordinated with the FMO: one visit where possible. */
  function startMedicalCare(): void {
    const wish = intake.wishes.medicalCare;
    const withFmo = liveFmo() !== undefined;
    if (wish === 'nee' || (wish === 'twijfel' && !withFmo)) return;
    medicalBranch = triageResult.medicalPartner;
    startRequest('medische_zorg', 'medische_zorg', medicalBranch, pathway.partnerLadder, {
      note: withFmo ? 'Medische zorg gecombineerd met het FMO (één bezoek)' : 'Medische zorg',
    });
  }

  /**
   * Within 72 hours medical care is acute (SEH), after it the region's other partner. A corrected
   * incident time can move the case across that line: a medical request nobody has taken yet
   * goes to the right partner instead, and the other is told it lapsed.
   */
  function followMedicalBranch(): void {
    if (!medicalBranch || medicalBranch === triageResult.medicalPartner) return;
    const current = liveOfKind(['medische_zorg']).find((r) => r.isOpen);
    if (!current) return;
    endRequest(current, 'vervallen');
    medicalBranch = triageResult.medicalPartner;
    startRequest(nextId('medische_zorg'), 'medische_zorg', medicalBranch, pathway.partnerLadder, {
      note: liveFmo() ? 'Medische zorg gecombineerd met het FMO (één bezoek)' : 'Medische zorg',
    });
  }

  // ---- messages: registered before the first await, so none is lost ------------------------------
  const requireActive = () => {
    if (completed || closing)
      throw new Error(`the case is closing or closed (${closing?.outcome ?? outcome})`);
  };
  const openRequest = (requestId: unknown): PartnerRequest => {
    const request = typeof requestId === 'string' ? requests.get(requestId) : undefined;
    if (!request) throw new Error(`requestId: unknown request "${String(requestId)}"`);
    if (!request.isOpen)
      throw new Error(`requestId: request "${request.view.requestId}" is already ${request.view.status}`);
    return request;
  };

  setHandler(caseState, state);
  setHandler(handoverDetails, (requestId: string) => {
    const request = requests.get(requestId);
    if (!request || request.view.status === 'cancelled' || completed) return null;
    return request.details();
  });

  setHandler(
    acknowledgeRequest,
    ({ requestId, by }) => {
      const request = requests.get(requestId)!;
      request.acknowledge(by);
      decide('ontvangstbevestiging', by, `${request.view.role}/${request.view.awaitedTier}`, requestId);
      return state();
    },
    {
      validator: ({ requestId, by }) => {
        ensureBy(by);
        if (completed) throw new Error('the case is closed');
        const request = openRequest(requestId);
        if (request.view.kind === 'checkin') {
          throw new Error('requestId: a check-in is closed by recording its outcome (recordCheckIn)');
        }
      },
    },
  );

  setHandler(
    recordCheckIn,
    ({ requestId, outcome: result, ptss, by }) => {
      const request = requests.get(requestId)!;
      request.acknowledge(by);
      checkInResults.set(requestId, { outcome: result, ...(ptss !== undefined ? { ptss } : {}) });
      decide(
        'checkin',
        by,
        ptss === undefined ? result : `${result}; ptss: ${ptss ? 'ja' : 'nee'}`,
        requestId,
      );
      return state();
    },
    {
      validator: ({ requestId, outcome: result, ptss, by }) => {
        ensureBy(by);
        requireActive();
        const request = openRequest(requestId);
        if (request.view.kind !== 'checkin') throw new Error(`requestId: "${requestId}" is not a check-in`);
        ensureOneOf('outcome', result, ['gaat_goed', 'stressreactie', 'geen_contact']);
        if (ptss !== undefined && typeof ptss !== 'boolean') throw new Error('ptss: expected true or false');
        const screening = screeningIds.has(requestId);
        if (ptss !== undefined && !screening) {
          throw new Error('ptss: only a screening check-in records a PTSS finding');
        }
        if (screening && ptss === undefined && result !== 'geen_contact') {
          throw new Error('ptss: the screening must say whether it points to PTSS (true or false)');
        }
      },
    },
  );

  setHandler(
    recordPoliceWish,
    ({ wish, by }) => {
      policeWish = wish;
      decide('politie_wens', by, wish);
      followPoliceWish();
      return state();
    },
    {
      validator: ({ wish, by }) => {
        ensureBy(by);
        requireActive();
        ensureOneOf('wish', wish, ['ja', 'nee', 'twijfel']);
        if (wish === policeWish) throw new Error(`wish: the police wish is already "${wish}"`);
      },
    },
  );

  setHandler(
    recordConsent,
    ({ role, given, by }) => {
      consents[role] = given;
      decide('toestemming', by, `${role}: ${given ? 'gegeven' : 'ingetrokken'}`);
      return state();
    },
    {
      validator: ({ role, given, by }) => {
        ensureBy(by);
        requireActive();
        ensureOneOf('role', role, PARTNER_ROLES);
        if (role === 'casemanager' || role === 'coordinator') {
          throw new Error('role: the CSG itself needs no separate consent');
        }
        if (typeof given !== 'boolean') throw new Error('given: expected true or false');
      },
    },
  );

  setHandler(
    correctIncidentTime,
    ({ incidentTime, by }) => {
      const before = triageResult.window;
      triageResult = triage(incidentTime, intake.victimAge, intakeAt);
      decide('incidenttijd', by, `${incidentTime.kind}: ${before} → ${triageResult.window}`);
      if (fmoDecision() === 'buiten_acute_termijn') {
        // The FMO is no longer useful: tell the forensic partners it lapsed.
        // Acknowledged ones too: a forensic doctor who agreed to come must hear it is off.
        for (const r of liveOfKind(['fmo'])) endRequest(r, 'vervallen');
        recordFmoOffer('buiten_acute_termijn');
      } else {
        followPoliceWish();
        if (patched('fmo-deadline-follows-correction')) {
          // The FMO's deadline counts from the incident: a corrected time moves it, and with it
          // the moment the coordinator is called in.
          const deadline = Date.parse(triageResult.fmoDeadline!);
          for (const r of liveOfKind(['fmo'])) {
            if (r.view.deadline !== undefined && Date.parse(r.view.deadline) !== deadline) {
              r.reschedule(deadline, deadline - FMO_AT_RISK_BEFORE_DEADLINE_MS);
            }
          }
        }
      }
      if (patched('medical-branch-follows-correction')) followMedicalBranch();
      publish();
      return state();
    },
    {
      validator: ({ incidentTime, by }) => {
        ensureBy(by);
        requireActive();
        ensureIncidentTime(incidentTime, intakeAt.getTime());
      },
    },
  );

  setHandler(
    withdraw,
    ({ by }) => {
      const wasTransfer = closing?.outcome === 'overgedragen';
      closing = { outcome: 'ingetrokken' };
      decide('intrekking', by, wasTransfer ? 'ingetrokken tijdens overdracht' : 'ingetrokken');
      // Stop every outgoing contact now, and tell every partner who knows of the case (an
      // acknowledged FMO or police request could still lead to a call) not to contact the victim.
      for (const r of requests.values()) {
        if (r.isOpen || (r.view.status === 'acknowledged' && r.view.kind !== 'checkin')) {
          endRequest(r, 'ingetrokken', r.view.kind === 'regio_overdracht' ? closingRegion : pathway.regionId);
        }
      }
      publish();
      return state();
    },
    {
      validator: ({ by }) => {
        ensureBy(by);
        if (completed) throw new Error('the case is closed');
        if (closing?.outcome === 'ingetrokken') throw new Error('the melding is already withdrawn');
      },
    },
  );

  setHandler(
    transfer,
    ({ toRegionId, by }) => {
      closing = { outcome: 'overgedragen', toRegionId };
      closingRegion = toRegionId;
      decide('overdracht', by, `naar ${toRegionId}`);
      for (const r of requests.values()) if (r.isOpen) endRequest(r, 'overgedragen');
      publish();
      return state();
    },
    {
      validator: ({ toRegionId, by }) => {
        ensureBy(by);
        requireActive();
        if (typeof toRegionId !== 'string' || !/^[a-z0-9-]{2,60}$/.test(toRegionId)) {
          throw new Error('toRegionId: expected a region id like "limburg"');
        }
        if (toRegionId === pathway.regionId)
          throw new Error('toRegionId: the case is already in this region');
      },
    },
  );

  const ops = registerOpsActions({
    reference: ref,
    requests: () => requests.values(),
    // A transfer nobody accepts is a stuck case too: ops may re-send or close it meanwhile.
    closedAs: () =>
      completed
        ? (outcome ?? 'afgesloten')
        : closing?.outcome === 'overgedragen'
          ? undefined
          : closing?.outcome,
    close: () => {
      closing = { outcome: 'gesloten' };
      // Nobody is waited for any more: each open request stops and its partners hear it lapsed.
      for (const r of requests.values()) {
        if (r.isOpen)
          endRequest(r, 'vervallen', r.view.kind === 'regio_overdracht' ? closingRegion : pathway.regionId);
      }
    },
    decisions: () => decisions,
    state,
    publish,
  });
  setHandler(
    recordAangifte,
    ({ made, by }) => {
      aangifte = made;
      decide('aangifte', by, made ? 'gedaan' : 'niet_gedaan');
      return state();
    },
    {
      validator: ({ made, by }) => {
        ensureBy(by);
        requireActive();
        if (typeof made !== 'boolean') throw new Error('made: expected true or false');
      },
    },
  );

  setHandler(deliveryStatus, ({ requestId, attempt, status }) => {
    if (status === 'delivered') return;
    const request = requests.get(requestId);
    if (!request) return;
    log.warn('delivery failed at the provider', { meldingRef: ref, requestId, attempt, status });
    request.deliveryFailed(attempt);
  });

  // ---- the pathway --------------------------------------------------------------------------------
  /** Waits for `done` or for the case to start closing; true when the pathway may go on. */
  async function until(done: () => boolean, timeoutMs?: number): Promise<boolean> {
    if (timeoutMs === undefined) await condition(() => closing !== undefined || done());
    else await condition(() => closing !== undefined || done(), Math.max(1, timeoutMs));
    return closing === undefined;
  }

  async function watchfulWaiting(): Promise<CaseOutcome | undefined> {
    let previous: PartnerRequest | undefined;
    for (const plan of pathway.checkIns) {
      const dueAt = checkInBase + plan.day * DAY_MS;
      if (dueAt > Date.now() && !(await until(() => false, dueAt - Date.now()))) return undefined;
      // A check-in nobody answered lapses when the next one starts (the coordinator already knows).
      if (previous?.isOpen) endRequest(previous, 'vervallen');
      const requestId = checkInId(plan.day);
      const checkIn = startRequest(requestId, 'checkin', 'casemanager', pathway.checkInLadder, {
        note: plan.screening ? `Screening (dag ${plan.day})` : `Check-in (dag ${plan.day})`,
      });
      previous = checkIn;
      // A screening waits for its outcome (the case cannot close without it); a check-in only for its ladder.
      const answered = plan.screening
        ? () => !checkIn.isOpen
        : () => !checkIn.isOpen || checkIn.ladderFinished;
      if (!(await until(answered))) return undefined;
      if (plan.screening && checkInResults.get(requestId)?.ptss === true) {
        setPhase('ggz_verwijzing');
        const referral = startRequest('ggz_verwijzing', 'ggz_verwijzing', 'ggz', pathway.partnerLadder, {
          note: 'Verwijzing na screening die wijst op PTSS',
        });
        if (!(await until(() => referral.view.status === 'acknowledged'))) return undefined;
        return 'verwezen_ggz';
      }
    }
    return 'afgerond';
  }

  async function transferToRegion(toRegionId: string): Promise<void> {
    const handover = startRequest(
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

  decide(
    'intake',
    intake.recordedBy,
    `${intake.channel}; ${triageResult.window}; politie: ${policeWish}; medisch: ${intake.wishes.medicalCare}`,
  );
  publish();

  const handover = startRequest(
    'casemanager_overdracht',
    'casemanager_overdracht',
    'casemanager',
    triageResult.acute ? pathway.casemanagerLadder.acute : pathway.casemanagerLadder.nonAcute,
    { note: intake.immediateDanger ? 'Overdracht; bij intake acuut gevaar gemeld' : 'Overdracht' },
  );
  followPoliceWish(true);
  startMedicalCare();

  let go = true;
  if (liveOfKind(ACUTE_KINDS).length > 0) {
    setPhase('acute_zorg');
    go = await until(() => liveOfKind(ACUTE_KINDS).every((r) => r.ladderFinished));
  }
  if (go) {
    setPhase('casemanager_overdracht');
    go = await until(() => handover.ladderFinished);
  }
  if (go) {
    setPhase('watchful_waiting');
    outcome = await watchfulWaiting();
  }

  // ---- ending -------------------------------------------------------------------------------------
  if (closing?.outcome === 'overgedragen' && closing.toRegionId) await transferToRegion(closing.toRegionId);
  const notice: NoticeKind =
    closing?.outcome === 'ingetrokken'
      ? 'ingetrokken'
      : closing && closing.outcome !== 'gesloten'
        ? 'overgedragen'
        : 'vervallen';
  for (const r of requests.values()) {
    if (r.isOpen)
      endRequest(r, notice, r.view.kind === 'regio_overdracht' ? closingRegion : pathway.regionId);
  }
  outcome = closing?.outcome ?? outcome ?? 'afgerond';
  completed = true;
  await Promise.all(noticeJobs);
  setPhase('afgesloten');
  if (patched('semester-report-record')) {
    await writeReportRecord(
      reportRecordOf({
        intake,
        regionId: pathway.regionId,
        acute: triageResult.acute,
        requests: [...requests.values()].map((r) => r.view),
        calledOff,
        aangifte,
      }),
      ref,
    );
  }
  await condition(allHandlersFinished);
  log.info('melding closed', { meldingRef: ref, outcome });
  return { reference: ref, outcome, closedAt: new Date().toISOString() };
}

function checkInId(day: number): string {
  return `checkin-dag-${day}`;
}
