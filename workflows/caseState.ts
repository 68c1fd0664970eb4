/**
 * One melding's case as the workflow holds it: what was decided, which partner requests exist,
 * and how the case is ending. Every track of the pathway and every decision handler works on this
 * one object, so there is a single place where the case changes and is published.
 *
 * Publishing upserts the search attributes and memo ops filter on (commands, so their order is
 * part of the recorded history) and refreshes the details line; nothing published carries
 * personal data.
 */
import { condition, log, patched } from '@temporalio/workflow';
import type { Reopening } from '../domain/koppeling';
import { sharedDetailsFor, sharingBasis, type ConsentByRole, type SharingBasis } from '../domain/sharing';
import { officeDeadline } from '../domain/officeHours';
import { triage } from '../domain/triage';
import type {
  CaseOutcome,
  CasePhase,
  CheckInOutcome,
  EscalationStep,
  MeldingIntake,
  MeldingWorkflowInput,
  NoticeKind,
  PartnerRole,
  PathwaySettings,
  PoliceWish,
  RequestKind,
  TriageResult,
} from '../domain/types';
import type {
  CaseState,
  CasusoverlegFlag,
  DecisionRecord,
  DecisionType,
  FmoOffer,
  NextCheckIn,
} from './messages';
import { CaseFileMilestones } from './caseFileMilestones';
import { CheckInPlanner } from './checkInPlan';
import { opsDetailsPublisher } from './opsDetails';
import { sendNotice } from './partnerNotice';
import { PartnerRequest, type PartnerRequestSpec } from './partnerRequest';
import { taskSummaries } from './partnerTask';
import { searchAttributePublisher } from './visibility';
import type { OpenReportRecord } from './semesterReport';

/** The requests of an acute case that cannot wait for office hours: the first care and the casemanager. */
const AROUND_THE_CLOCK_WHEN_ACUTE: readonly RequestKind[] = [
  'informatief_gesprek',
  'fmo',
  'medische_zorg',
  'casemanager_overdracht',
];

/** How the case is ending, once a withdrawal, a transfer or an ops closing said so. */
export interface Closing {
  outcome: 'ingetrokken' | 'overgedragen' | 'gesloten';
  toRegionId?: string;
  /** Why a closing by hand closed the case (CLOSE_REASONS), for the case file. */
  reason?: string;
}

export interface RequestOptions {
  note?: string;
  regionId?: string;
  deadline?: number;
  atRiskAt?: number;
  /** Addresses the ladder's `owner` steps to the case's owner (see PartnerRequestSpec.owner). */
  toOwner?: boolean;
  /** Why the details are (not) shared, where the role's consent alone does not say (secondRing.ts). */
  sharing?: () => SharingBasis;
}

export interface CheckInResult {
  outcome: CheckInOutcome;
  ptss?: boolean;
}

export class MeldingCase {
  readonly ref: string;
  /** The intake as corrected since: requests, queries and later decisions read it from here. */
  intake: MeldingIntake;
  readonly pathway: PathwaySettings;
  readonly intakeAt: Date;
  /** Check-in days count from the intake; a back-dated intake cannot schedule into the past twice. */
  readonly checkInBase: number;
  triage: TriageResult;
  phase: CasePhase = 'triage';
  policeWish: PoliceWish;
  fmoOffer: FmoOffer | undefined;
  medicalBranch: TriageResult['medicalPartner'] | undefined;
  outcome: CaseOutcome | undefined;
  /** Set by a withdrawal, a transfer or an ops closing; the pathway sees it at its next wait and closes. */
  closing: Closing | undefined;
  completed = false;
  /** Whether the victim says they made an aangifte (for the semester figures). */
  aangifte = false;
  /** Whether the victim wants the questions about the help received after the end (experienceInvite.ts). */
  experienceConsent = false;
  /** The invitation is on its way: from now on a withdrawal of the consent comes too late. */
  experienceInviteSent = false;
  /** The open semester record written at intake, which the final one replaces. */
  openReportRecord?: OpenReportRecord;
  /**
   * The owner: the staff id of the casemanager who accepted the handover (or was handed the case
   * since). Check-ins go to them first. Undefined until then, and for cases from before owners.
   */
  casemanager: string | undefined;
  /** The region whose directory the closing notices go through (the new region for the transfer request). */
  closingRegion: string;
  /** The region the case was transferred to, once a transfer started: its staff see the case too. */
  transferredTo: string | undefined;
  /** Earlier meldingen of the same person, by reference: at intake and by later `koppeling`. */
  readonly linkedTo: string[];
  readonly reopening: Reopening | undefined;
  /** Flagged for the next case consultation (workflows/casusoverleg.ts). */
  casusoverleg: CasusoverlegFlag | undefined;
  readonly consents: ConsentByRole = {};
  readonly decisions: DecisionRecord[] = [];
  readonly requests = new Map<string, PartnerRequest>();
  /** Requests stood down while the case ran (not by its end): for the semester figures. */
  readonly calledOff = new Set<string>();
  readonly checkInResults = new Map<string, CheckInResult>();
  /**
   * Set by watchful waiting where it plans a check-in's timer. Also read into the worklist row the
   * memo keeps (workflows/worklistRow.ts), so a change to when it is set changes commands: patch it.
   */
  nextCheckIn: NextCheckIn | undefined;
  /** Watchful waiting as a plan, with the contacts recorded (workflows/checkInPlan.ts). */
  readonly plan: CheckInPlanner;
  /** Called after every publish: the ops history follows each escalation. */
  afterPublish: () => void = () => undefined;
  /** The milestones written into the case file, beside the pathway (caseFileMilestones.ts). */
  readonly caseFile: CaseFileMilestones;

  private readonly noticed = new Set<string>();
  private readonly noticeJobs: Promise<void>[] = [];
  private readonly publishSearchAttributes: ReturnType<typeof searchAttributePublisher>;
  private readonly publishOpsDetails: ReturnType<typeof opsDetailsPublisher>;

  constructor({ intake, pathway, linkedTo, reopening }: MeldingWorkflowInput) {
    this.intake = intake;
    this.linkedTo = [...(linkedTo ?? [])];
    this.reopening = reopening;
    this.pathway = pathway;
    this.ref = intake.reference;
    this.intakeAt = new Date(intake.receivedAt);
    this.checkInBase = Math.min(this.intakeAt.getTime(), Date.now());
    this.triage = triage(intake.incidentTime, intake.victimAge, this.intakeAt);
    this.policeWish = intake.wishes.police;
    this.publishSearchAttributes = searchAttributePublisher();
    this.publishOpsDetails = opsDetailsPublisher();
    this.closingRegion = pathway.regionId;
    this.plan = new CheckInPlanner(pathway.maxFailedContacts);
    this.caseFile = new CaseFileMilestones(this);
    this.experienceConsent = intake.experienceQuestions === true;
  }

  decide(type: DecisionType, by: string, value: string, requestId?: string): void {
    this.decisions.push({
      at: new Date().toISOString(),
      by,
      type,
      value,
      ...(requestId ? { requestId } : {}),
    });
  }

  /** A correction of the intake: every partner page and later decision sees it from now on. */
  correctIntake(changes: Partial<Omit<MeldingIntake, 'reference' | 'receivedAt'>>): void {
    this.intake = { ...this.intake, ...changes };
  }

  /** The case as the caseState query returns it: no personal data. */
  state(): CaseState {
    const views = [...this.requests.values()].map((r) => ({ ...r.view }));
    const next = this.plan.active ? this.plan.nextCheckIn() : this.nextCheckIn;
    return {
      reference: this.ref,
      regionId: this.pathway.regionId,
      phase: this.phase,
      triage: { ...this.triage },
      ...(this.medicalBranch ? { medicalBranch: this.medicalBranch } : {}),
      openRequests: views.filter((v) => v.status === 'open'),
      requests: views,
      decisions: this.decisions.map((d) => ({ ...d })),
      ...(this.outcome ? { outcome: this.outcome } : {}),
      ...(this.fmoOffer ? { fmoOffer: this.fmoOffer } : {}),
      policeWish: this.policeWish,
      medicalWish: this.intake.wishes.medicalCare,
      ...(this.linkedTo.length ? { linkedTo: [...this.linkedTo] } : {}),
      ...(this.reopening ? { reopening: { ...this.reopening } } : {}),
      ...(this.transferredTo ? { transferredTo: this.transferredTo } : {}),
      // A plan only while it can still happen: not after a referral, nor once the case is closing.
      ...(next && this.phase === 'watchful_waiting' && !this.closing && !this.completed
        ? { nextCheckIn: { ...next } }
        : {}),
      ...(this.casemanager !== undefined ? { casemanager: this.casemanager } : {}),
      ...(this.casusoverleg ? { casusoverleg: { ...this.casusoverleg } } : {}),
      checkInPlan: this.plan.view(),
      contacts: this.plan.contacts.map((contact) => ({ ...contact })),
      failedContacts: this.plan.failedContacts,
      extended: this.plan.extended,
    };
  }

  publish(): void {
    // Three more search attributes and a memo for ops; running cases keep their upserts.
    const opsVisibility = patched('ops-visibility');
    const handover = this.requests.get('casemanager_overdracht');
    const visible = {
      regionId: this.pathway.regionId,
      phase: this.phase,
      triageWindow: this.triage.window,
      open: [...this.requests.values()]
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
              deliveryFailed: [...this.requests.values()].some((r) => r.deliveryFailures > 0),
            },
          }
        : {}),
      ...(this.casemanager !== undefined ? { casemanager: this.casemanager } : {}),
    };
    this.publishSearchAttributes(visible);
    this.publishOpsDetails(
      {
        ...visible,
        ...(this.outcome ? { outcome: this.outcome } : {}),
        ...taskSummaries(this.requests.values()),
      },
      opsVisibility,
    );
    this.afterPublish();
  }

  setPhase(next: CasePhase): void {
    this.phase = next;
    log.info('melding phase', { meldingRef: this.ref, phase: next });
    this.publish();
  }

  /** The case is neither closing nor closed: a decision may still change it. */
  requireActive(): void {
    if (this.completed || this.closing) {
      throw new Error(`the case is closing or closed (${this.closing?.outcome ?? this.outcome})`);
    }
  }

  startRequest(
    requestId: string,
    kind: RequestKind,
    role: PartnerRole,
    ladder: EscalationStep[],
    options: RequestOptions = {},
  ): PartnerRequest {
    // Unset while the request is made: its first step's change is recorded as the request sent.
    const made: { request?: PartnerRequest } = {};
    const request = new PartnerRequest({
      meldingRef: this.ref,
      regionId: options.regionId ?? this.pathway.regionId,
      requestId,
      kind,
      role,
      ladder,
      details: () =>
        sharedDetailsFor({
          intake: this.intake,
          triageWindow: this.triage.window,
          kind,
          role,
          consents: this.consents,
          note: options.note,
        }),
      sharing: options.sharing ?? (() => sharingBasis(role, this.consents)),
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.atRiskAt !== undefined ? { atRiskAt: options.atRiskAt } : {}),
      ...this.officeClock(kind, role),
      onChange: () => {
        this.publish();
        this.caseFile.requestChanged(made.request);
      },
      ...(options.toOwner ? { owner: () => this.casemanager } : {}),
    });
    made.request = request;
    this.requests.set(requestId, request);
    this.publish();
    this.caseFile.requestSent(request);
    return request;
  }

  /**
   * A non-acute request waits for the partner's office hours: its clock stops when the desk is
   * closed (evenings, weekends, public holidays), so nobody is escalated to at night for a
   * request that can wait until morning. The acute requests of an acute case run around the clock.
   */
  private officeClock(kind: RequestKind, role: PartnerRole): Pick<PartnerRequestSpec, 'stepEnd'> {
    const hours = this.pathway.officeHours?.[role];
    if (!hours || (this.triage.acute && AROUND_THE_CLOCK_WHEN_ACUTE.includes(kind))) return {};
    if (!patched('office-hours')) return {};
    const closedDays = this.pathway.closedDays ?? [];
    return { stepEnd: (fromMs, waitMs) => officeDeadline(fromMs, waitMs, hours, closedDays) };
  }

  /** Cancels the request if open and tells its partner once; the notice goes out beside the flow. */
  endRequest(request: PartnerRequest, notice: NoticeKind, regionId = this.pathway.regionId): void {
    request.cancel();
    if (this.noticed.has(request.view.requestId)) return;
    this.noticed.add(request.view.requestId);
    if (!this.closing && !this.completed) this.calledOff.add(request.view.requestId);
    this.noticeJobs.push(sendNotice(this.ref, regionId, request, notice));
    this.caseFile.requestNoticed(request, notice);
  }

  /** Ends every request `which` selects, each notice through the directory that knows its partner. */
  endRequests(which: (r: PartnerRequest) => boolean, notice: NoticeKind): void {
    for (const r of this.requests.values()) {
      if (which(r)) {
        this.endRequest(
          r,
          notice,
          r.view.kind === 'regio_overdracht' ? this.closingRegion : this.pathway.regionId,
        );
      }
    }
  }

  /** Resolves once every closing notice sent so far went out (or reached the coordinator). */
  noticesSent(): Promise<void[]> {
    return Promise.all(this.noticeJobs);
  }

  /** A fresh id per round: a "ja" after a "nee" is a new request, never a re-used one. */
  nextId(base: string): string {
    if (!this.requests.has(base)) return base;
    let n = 2;
    while (this.requests.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /**
   * The requests of these kinds still in play: not cancelled, and their partner not told to stand
   * down. An acknowledged police request that got the "ingetrokken" notice is over, so a later
   * "ja" starts a new one.
   */
  liveOfKind(kinds: RequestKind[]): PartnerRequest[] {
    return [...this.requests.values()].filter(
      (r) =>
        r.view.status !== 'cancelled' && !this.noticed.has(r.view.requestId) && kinds.includes(r.view.kind),
    );
  }

  /** Waits for `done` or for the case to start closing; true when the pathway may go on. */
  async until(done: () => boolean, timeoutMs?: number): Promise<boolean> {
    if (timeoutMs === undefined) await condition(() => this.closing !== undefined || done());
    else await condition(() => this.closing !== undefined || done(), Math.max(1, timeoutMs));
    return this.closing === undefined;
  }
}
