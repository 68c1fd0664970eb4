/**
 * Watchful waiting as a plan the casemanager can change: the region's check-ins become entries
 * (`checkin-dag-<day>`) when watchful waiting starts; the decisions add (`checkin-extra-<n>`),
 * move and cancel them, a contact that did not reach the victim plans a retry
 * (`checkin-poging-<n>`), and the extension adds the six-month schedule. The loop in
 * watchfulWaiting.ts waits for the earliest planned entry and wakes whenever the plan changes
 * (`version`).
 *
 * Plain data, no commands: changing the plan is safe in an update handler; what the loop does
 * about it is the loop's. The contacts' notes stay here and in the state query only.
 */
import type { CheckInPlan } from '../domain/types';
import { extraCheckInId, plannedCheckInId, retryCheckInId } from '../domain/checkIns';
import { DEFAULT_MAX_FAILED_CONTACTS, type CheckInPlanStatus } from '../domain/vocabulary';
import type { ContactRecord, NextCheckIn, PlannedCheckIn } from './messages';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanEntry {
  id: string;
  /** Epoch ms the check-in starts. */
  at: number;
  screening: boolean;
  status: CheckInPlanStatus;
  /** Day after the intake, for the region's own check-ins (their request's note says it). */
  day?: number;
}

export class CheckInPlanner {
  /** Set when watchful waiting starts on a plan; cases already waiting on the fixed list never set it. */
  active = false;
  extended = false;
  failedContacts = 0;
  /** Epoch ms the check-in days count from (the case's checkInBase). */
  private base = 0;
  readonly entries: PlanEntry[] = [];
  readonly contacts: ContactRecord[] = [];
  /** The GGZ referral's request, once one started (early, or after a screening that points to PTSS). */
  referralId: string | undefined;
  /** The coordinator's request after repeated failed contacts, while it waits for the decision. */
  askingId: string | undefined;
  /** Bumped on every change of the plan: the loop waiting for the next entry wakes and looks again. */
  version = 0;
  private extras = 0;
  private retries = 0;

  constructor(private readonly maxFailed: number = DEFAULT_MAX_FAILED_CONTACTS) {}

  get maxFailedContacts(): number {
    return this.maxFailed;
  }

  /** The region's check-ins as the plan, counted from `base`. */
  start(checkIns: readonly CheckInPlan[], base: number): void {
    this.active = true;
    this.base = base;
    for (const plan of checkIns) this.addDay(plan);
    this.changed();
  }

  private addDay(plan: CheckInPlan): void {
    const id = plannedCheckInId(plan.day);
    if (this.entries.some((e) => e.id === id)) return;
    this.insert({
      id,
      at: this.base + plan.day * DAY_MS,
      screening: plan.screening,
      status: 'gepland',
      day: plan.day,
    });
  }

  private insert(entry: PlanEntry): void {
    this.entries.push(entry);
    // Time order, stable for equal times (an earlier entry stays first).
    this.entries.sort((a, b) => a.at - b.at);
  }

  private changed(): void {
    this.version += 1;
  }

  get(id: string): PlanEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** The earliest entry still to start. */
  nextPlanned(): PlanEntry | undefined {
    return this.entries.find((e) => e.status === 'gepland');
  }

  /** The check-in running now (its request open), if any. */
  open(): PlanEntry | undefined {
    return this.entries.find((e) => e.status === 'open');
  }

  /** The last moment anything is planned (or happened) in the plan. */
  private lastAt(): number {
    return this.entries
      .filter((e) => e.status !== 'geannuleerd')
      .reduce((last, e) => Math.max(last, e.at), this.base);
  }

  setStatus(entry: PlanEntry, status: CheckInPlanStatus): void {
    entry.status = status;
    this.changed();
  }

  add(at: number, screening = false): PlanEntry {
    this.extras += 1;
    const entry: PlanEntry = { id: extraCheckInId(this.extras), at, screening, status: 'gepland' };
    this.insert(entry);
    this.changed();
    return entry;
  }

  /** A retry after a contact that did not reach the victim; a screening's retry is a screening. */
  retry(at: number, screening: boolean): PlanEntry {
    this.retries += 1;
    const entry: PlanEntry = { id: retryCheckInId(this.retries), at, screening, status: 'gepland' };
    this.insert(entry);
    this.changed();
    return entry;
  }

  move(entry: PlanEntry, at: number): void {
    entry.at = at;
    this.entries.sort((a, b) => a.at - b.at);
    this.changed();
  }

  /**
   * The six-month schedule's later check-ins, after the last one of the plan: each keeps its
   * distance in days from the four-week schedule's last day, counted from the plan's last moment.
   */
  extend(sixMonths: readonly CheckInPlan[], fourWeeksLastDay: number): void {
    this.extended = true;
    const from = this.lastAt();
    for (const plan of sixMonths.filter((p) => p.day > fourWeeksLastDay)) {
      this.insert({
        id: plannedCheckInId(plan.day),
        at: from + (plan.day - fourWeeksLastDay) * DAY_MS,
        screening: plan.screening,
        status: 'gepland',
        day: plan.day,
      });
    }
    this.changed();
  }

  /** A contact recorded: reached ones reset the count of failed attempts, the others add one. */
  recordContact(contact: ContactRecord): void {
    this.contacts.push(contact);
    this.failedContacts = contact.reached ? 0 : this.failedContacts + 1;
    this.changed();
  }

  /** Whether the coordinator must decide now (the count reached the region's maximum). */
  get tooManyFailed(): boolean {
    return this.failedContacts >= this.maxFailed;
  }

  resetFailed(): void {
    this.failedContacts = 0;
    this.changed();
  }

  /** Whatever is still planned will not happen (the case ends or goes to the GGZ). */
  lapseRemaining(): void {
    for (const e of this.entries) if (e.status === 'gepland' || e.status === 'open') e.status = 'vervallen';
    this.changed();
  }

  /**
   * What `nextCheckIn` says: the check-in running now, else the earliest one planned; its place
   * counts the check-ins that did or will happen (not the cancelled ones).
   */
  nextCheckIn(): NextCheckIn | undefined {
    const next = this.open() ?? this.nextPlanned();
    if (!next) return undefined;
    const counted = this.entries.filter((e) => e.status !== 'geannuleerd');
    return {
      at: new Date(next.at).toISOString(),
      number: counted.indexOf(next) + 1,
      of: counted.length,
      screening: next.screening,
    };
  }

  view(): PlannedCheckIn[] {
    return this.entries.map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      screening: e.screening,
      status: e.status,
    }));
  }
}
