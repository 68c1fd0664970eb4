/**
 * The one request / acknowledge / escalate routine every partner request goes through
 * (casemanager handover, informatief gesprek, FMO, medical care, check-ins, GGZ, region transfer).
 *
 * For each step of the ladder: notify the step's tier through the activity, then wait up to the
 * step's time for the answer. No answer: the next step (re-notify, backup, coordinator). After the
 * last step the request stays open, visible to ops as past its deadline, and can still be
 * acknowledged: a late answer is never refused.
 *
 * Sending never holds the ladder: the send runs beside the wait and its retries are bounded by the
 * step's wait (scheduleToClose); a cancelled request (withdrawal) cancels a send still retrying. A send that fails for good, a
 * DeliveryReport with `escalate: true`, or a `deliveryStatus` signal saying undelivered/failed
 * raises the escalation level at once (the next step starts immediately). A partner who declines
 * a task (workflows/partnerTask.ts) hands the request at once to the next tier (passOn).
 */
import { CancellationScope, condition, isCancellation, log, patched } from '@temporalio/workflow';
import type { DeliveryReport, PartnerRequestMessage } from '../activities/types';
import type { SharingBasis } from '../domain/sharing';
import type { EscalationStep, PartnerRole, RecipientTier, RequestKind, SharedDetails } from '../domain/types';
import type { RequestView } from './messages';
import { MINUTE_MS, partnerActivities, type LegacyPartnerRequestMessage } from './partnerSend';
import { acceptTask, newTask } from './partnerTask';

export interface PartnerRequestSpec {
  meldingRef: string;
  /** The region whose directory resolves the recipient (the other region for a transfer). */
  regionId: string;
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  ladder: EscalationStep[];
  /** What the partner may see, built when asked, so consent given or withdrawn meanwhile is respected. */
  details: () => SharedDetails;
  /** Why the details do or do not carry personal data, read at the same moment (for the view). */
  sharing: () => SharingBasis;
  /** Hard deadline (epoch ms) shown in the view, e.g. the end of the acute window for an FMO. */
  deadline?: number;
  /** From this moment (epoch ms) an unanswered request jumps straight to the ladder's last step. */
  atRiskAt?: number;
  /**
   * When a step's wait of `waitMs` from `fromMs` ends: for a non-acute request, counted in the
   * partner's office hours only (domain/officeHours.ts); without it, around the clock.
   */
  stepEnd?: (fromMs: number, waitMs: number) => number;
  /** Called after every change ops can see (search attributes). */
  onChange: () => void;
  /**
   * The case's owner (staff id) at the moment a step of the `owner` tier is sent: a coordinator
   * may hand the case to another casemanager while a check-in runs, and its reminder follows.
   */
  owner?: () => string | undefined;
}

/** How the ladder ended: answered, cancelled, or every step passed without an answer. */
export type LadderOutcome = 'acknowledged' | 'cancelled' | 'unanswered';

export class PartnerRequest {
  readonly view: RequestView;
  /** When the currently awaited tier was notified (for the CsgAwaitedSince search attribute). */
  stepStartedAt: number;
  /** Resolves when the ladder stops: answered, cancelled, or all steps passed. */
  readonly done: Promise<LadderOutcome>;
  /** True once the ladder has stopped (answered, cancelled or every step passed). */
  ladderFinished = false;
  private attempt = 0;
  /** Every tier that was sent this request, in order: each must hear when it ends. */
  private readonly tiersNotified: RecipientTier[] = [];
  private escalateNow = false;
  /** Set when the hard deadline moved: the step's wait re-plans its at-risk jump. */
  private replan = false;
  private sendScope: CancellationScope | undefined;
  private sendPending = false;
  /** How many deliveries of this request failed (send or provider report); for CsgDeliveryFailed. */
  deliveryFailures = 0;
  /** Set by an ops action: the ladder goes (back) to this step now. */
  private restartAt: number | undefined;
  /** True while a ladder (the first, or one an ops action restarted) is running. */
  private climbing = false;
  /** The last owner an `owner` step was addressed to: the one a closing notice must reach. */
  ownerAddressee: string | undefined;

  constructor(private readonly spec: PartnerRequestSpec) {
    const now = Date.now();
    const first = spec.ladder[0]!;
    this.stepStartedAt = now;
    this.view = {
      requestId: spec.requestId,
      kind: spec.kind,
      role: spec.role,
      status: 'open',
      requestedAt: new Date(now).toISOString(),
      dueBy: new Date(now + first.waitMinutes * MINUTE_MS).toISOString(),
      escalationLevel: 0,
      awaitedTier: first.tier,
      ...(spec.deadline !== undefined ? { deadline: new Date(spec.deadline).toISOString() } : {}),
    };
    const task = newTask(spec.kind, this.view.requestedAt);
    if (task) this.view.task = task;
    this.done = this.run().finally(() => {
      this.ladderFinished = true;
      spec.onChange();
    });
  }

  /** What the partner may see now (consent as recorded at this moment). */
  details(): SharedDetails {
    return this.spec.details();
  }

  /** The tiers that know of this request (the awaited one if none was sent yet). */
  get notifiedTiers(): RecipientTier[] {
    return this.tiersNotified.length > 0 ? [...this.tiersNotified] : [this.view.awaitedTier];
  }

  get isOpen(): boolean {
    return this.view.status === 'open';
  }

  acknowledge(by: string): void {
    if (!this.isOpen) return;
    this.view.status = 'acknowledged';
    this.view.acknowledgedAt = new Date().toISOString();
    this.view.acknowledgedBy = by;
    acceptTask(this.view, by);
    this.spec.onChange();
  }

  /**
   * The awaited tier declined: the ladder goes on at once with its next step for another tier
   * (earlier links move on). At the last tier the request stays open, its level raised, for ops.
   */
  passOn(): void {
    if (!this.isOpen) return;
    const { ladder } = this.spec;
    const next = ladder.findIndex((step, i) => i > this.stepIndex && step.tier !== this.view.awaitedTier);
    if (next >= 0) return this.restartFrom(next);
    this.view.escalationLevel += 1;
    this.spec.onChange();
  }

  /** Stops the ladder and any send in flight at once. The caller sends the notice. */
  cancel(): void {
    if (!this.isOpen) return;
    this.view.status = 'cancelled';
    // A send still retrying must not reach the partner after the withdrawal.
    if (this.sendPending) this.sendScope?.cancel();
    this.spec.onChange();
  }

  /**
   * The hard deadline moved (a corrected incident time): the view shows the new one, and an
   * at-risk jump that is now due happens at once instead of on the old schedule.
   */
  reschedule(deadline: number, atRiskAt: number): void {
    if (!this.isOpen) return;
    this.spec.deadline = deadline;
    this.spec.atRiskAt = atRiskAt;
    this.view.deadline = new Date(deadline).toISOString();
    this.replan = true;
    this.spec.onChange();
  }

  /** A delivery of `attempt` failed (send report or provider callback): escalate now. */
  deliveryFailed(attempt: number): void {
    if (!this.isOpen) return;
    this.deliveryFailures += 1;
    this.spec.onChange();
    if (attempt !== this.attempt) return;
    this.escalateNow = true;
  }

  /**
   * The owner cannot be asked now (absent, or not in the staff directory): the ladder goes on at
   * once with its first step past the owner's (the on-call casemanager), skipping the owner's
   * reminders. An owner missing from the directory is also a delivery failure ops must see.
   */
  private ownerUnavailable(attempt: number, why: 'absent' | 'unknown'): void {
    if (!this.isOpen || attempt !== this.attempt) return;
    if (why === 'unknown') {
      this.deliveryFailures += 1;
      this.spec.onChange();
    }
    const next = this.spec.ladder.findIndex((step, i) => i > this.stepIndex && step.tier !== 'owner');
    if (next < 0) this.escalateNow = true;
    else this.restartFrom(next);
  }

  /** How many notifications this request has sent (each step, each re-send). */
  get attempts(): number {
    return this.attempt;
  }

  /** The step currently awaited (the last one once the ladder has run out). */
  get currentStep(): number {
    return this.stepIndex;
  }

  /** The first ladder step addressed to `tier`, if the ladder has one. */
  stepFor(tier: RecipientTier): number | undefined {
    const index = this.spec.ladder.findIndex((step) => step.tier === tier);
    return index >= 0 ? index : undefined;
  }

  /**
   * An ops action: notify the ladder's step `index` now and go on from there, with the
   * step's full wait. A ladder that ran out starts again from that step; `done` and
   * `ladderFinished` keep their first answer, as the pathway already went on.
   */
  restartFrom(index: number): void {
    if (!this.isOpen) return;
    if (this.climbing) {
      this.restartAt = index;
      return;
    }
    void this.climb(index);
  }

  private stepIndex = 0;

  private async run(): Promise<LadderOutcome> {
    await this.climb(0);
    if (this.view.status === 'acknowledged') return 'acknowledged';
    if (this.view.status === 'cancelled') return 'cancelled';
    log.warn('partner request unanswered after the whole ladder', this.logContext());
    return 'unanswered';
  }

  private async climb(from: number): Promise<void> {
    this.climbing = true;
    try {
      await this.ladderFrom(from);
    } finally {
      this.climbing = false;
    }
  }

  private async ladderFrom(from: number): Promise<void> {
    const { ladder } = this.spec;
    let index = from;
    while (index < ladder.length && this.isOpen) {
      const step = ladder[index]!;
      const stepEndsAt = this.stepEnd(Date.now(), step.waitMinutes * MINUTE_MS);
      const waitMs = stepEndsAt - Date.now();
      this.startStep(index, step.tier, waitMs);
      const atRisk = () => this.spec.atRiskAt !== undefined && index < ladder.length - 1;
      for (;;) {
        const untilRisk = atRisk() ? Math.max(0, this.spec.atRiskAt! - Date.now()) : Infinity;
        const untilStepEnd = stepEndsAt - Date.now();
        await condition(
          () => !this.isOpen || this.escalateNow || this.replan || this.restartAt !== undefined,
          Math.max(1, Math.min(untilStepEnd, untilRisk)),
        );
        if (!this.replan || !this.isOpen || this.escalateNow || this.restartAt !== undefined) break;
        // A moved deadline: wait out the rest of this step against the new at-risk moment.
        this.replan = false;
        if (Date.now() >= stepEndsAt || (atRisk() && Date.now() >= this.spec.atRiskAt!)) break;
      }
      this.replan = false;
      // The step's send is not cancelled here: its retries end on their own with the step's wait
      // (scheduleToClose), and the next step's send does not wait for it.
      if (!this.isOpen) break;
      if (this.restartAt !== undefined) {
        index = this.restartAt;
        this.restartAt = undefined;
        continue;
      }
      if (this.escalateNow) {
        log.warn('partner not reached; escalating', this.logContext());
        if (index === ladder.length - 1) {
          // Even the last tier was not reached: raise the level and keep waiting for its answer.
          this.view.escalationLevel += 1;
          this.escalateNow = false;
          this.spec.onChange();
          await condition(
            () => !this.isOpen || this.escalateNow || this.restartAt !== undefined,
            Math.max(1, Date.parse(this.view.dueBy) - Date.now()),
          );
          if (this.isOpen && this.restartAt !== undefined) {
            index = this.restartAt;
            this.restartAt = undefined;
            continue;
          }
          break;
        }
        index += 1;
      } else if (atRisk() && Date.now() >= this.spec.atRiskAt!) {
        log.warn('deadline at risk; escalating to the last step', this.logContext());
        index = ladder.length - 1;
      } else {
        index += 1;
      }
    }
  }

  private stepEnd(fromMs: number, waitMs: number): number {
    return this.spec.stepEnd ? this.spec.stepEnd(fromMs, waitMs) : fromMs + waitMs;
  }

  private startStep(index: number, tier: RecipientTier, waitMs: number): void {
    this.attempt += 1;
    this.stepIndex = index;
    if (!this.tiersNotified.includes(tier)) this.tiersNotified.push(tier);
    this.escalateNow = false;
    this.stepStartedAt = Date.now();
    // A declined task is asked anew of the tier this step goes to.
    if (this.view.task?.state === 'afgewezen') this.view.task.state = 'aangevraagd';
    // Only ladders with owner steps (cases after the patch checkins-to-owner) set or clear it.
    const addressee = tier === 'owner' ? this.spec.owner?.() : undefined;
    // A new tier or another owner: the links sent before stop acting (a reminder keeps them).
    if (
      this.view.awaitedFromAttempt === undefined ||
      tier !== this.view.awaitedTier ||
      addressee !== this.view.addressee
    ) {
      this.view.awaitedFromAttempt = this.attempt;
    }
    this.view.attempt = this.attempt;
    this.view.awaitedTier = tier;
    if (addressee !== undefined) {
      this.view.addressee = addressee;
      this.ownerAddressee = addressee;
    } else if (this.view.addressee !== undefined) {
      delete this.view.addressee;
    }
    this.view.dueBy = new Date(this.stepStartedAt + waitMs).toISOString();
    this.view.escalationLevel = Math.max(this.view.escalationLevel, index);
    this.spec.onChange();

    const request: PartnerRequestMessage = {
      meldingRef: this.spec.meldingRef,
      regionId: this.spec.regionId,
      requestId: this.spec.requestId,
      kind: this.spec.kind,
      role: this.spec.role,
      tier,
      attempt: this.attempt,
      dueBy: this.view.dueBy,
      ...(tier === 'owner'
        ? {
            ...(addressee !== undefined ? { addressee } : {}),
            askedAt: new Date(this.stepStartedAt).toISOString(),
          }
        : {}),
    };
    // No activity reads the victim's details from the message: the partner sees them behind the
    // signed link, consent-filtered when the page is opened (handoverDetails). New cases keep them
    // out of the history; running cases send what they were started with.
    const message: PartnerRequestMessage | LegacyPartnerRequestMessage = patched(
      'partner-request-without-details',
    )
      ? request
      : { ...request, details: this.spec.details() };
    this.view.sharing = this.spec.sharing();
    const attempt = this.attempt;
    const scope = new CancellationScope();
    this.sendScope = scope;
    this.sendPending = true;
    // Not awaited: the wait for the answer (and so the escalation) runs regardless of the send.
    scope
      .run(() => partnerActivities(waitMs).sendPartnerRequest(message))
      .then(
        (report: DeliveryReport) => {
          if (scope === this.sendScope) this.sendPending = false;
          if (report.ownerUnavailable) this.ownerUnavailable(attempt, report.ownerUnavailable);
          else if (report.escalate) this.deliveryFailed(attempt);
        },
        (error: unknown) => {
          if (scope === this.sendScope) this.sendPending = false;
          if (isCancellation(error)) return;
          log.error('partner request could not be sent', { ...this.logContext(), attempt });
          this.deliveryFailed(attempt);
        },
      );
  }

  private logContext() {
    return { meldingRef: this.spec.meldingRef, requestId: this.spec.requestId, role: this.spec.role };
  }
}
