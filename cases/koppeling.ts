/**
 * The same person again, for the case client: the later meldingen linked to a case (found by the
 * search attribute CsgGekoppeld, so also once the earlier case is closed), whether a closed case
 * may still be reopened, and the reopening itself.
 *
 * A closed workflow cannot run again, so a reopening starts a NEW melding in the same region with
 * the closed case's intake (as corrected), linked to it and recording the reason and who. The
 * intake is read through the `intakeForReopening` query and goes straight into the new case's
 * (encrypted) input: it is never logged, returned or shown.
 *
 * Scoping (who may see which case, who may reopen) is the caller's: cases/access.ts.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { reopenDeadline, type ReopenReason } from '../domain/koppeling';
import type { IntakeProblem } from '../domain/intakeSchema';
import { DEFAULT_REOPEN_WITHIN_DAYS } from '../regions/defaults';
import { regionForMunicipality, REGIONS } from '../regions';
import { caseState, intakeForReopening } from '../workflows/messages';
import { CsgGekoppeld, CsgRegion } from '../workflows/searchAttributes';
import { inRegions, listNewestFirst, type FoundMelding } from './find';
import { MELDING_WORKFLOW_TYPE, meldingHandle, startMelding } from './meldingClient';
import { buildReference, newSequenceNumber } from './reference';

/** A later melding that names this one: what a search finds, and no more. */
export type LinkedMelding = FoundMelding;

/** Where a case stands for reopening. */
export type ReopenWindow =
  | { status: 'running' }
  | { status: 'closed'; closedAt: Date; until: Date; withinDays: number; open: boolean };

export type ReopenOutcome =
  | { status: 'reopened'; reference: string; from: string }
  | { status: 'not_found' }
  | { status: 'running' }
  | { status: 'window_passed'; closedAt: Date; until: Date; withinDays: number }
  /** A reopening of this case still runs: go on there rather than start a second one. */
  | { status: 'already_reopened'; reference: string }
  /** The earlier intake no longer starts a case (e.g. its municipality is no longer served). */
  | { status: 'invalid'; problems: IntakeProblem[] };

export interface KoppelingService {
  /**
   * The later meldingen that name this one as linked, newest first; with `regions`, only those in
   * (or transferred to) these regions.
   */
  linkedLater(reference: string, regions?: readonly string[]): Promise<LinkedMelding[]>;
  /** Whether the case runs, or when it closed and until when it may be reopened; undefined: unknown. */
  reopenWindow(reference: string, now: Date): Promise<ReopenWindow | undefined>;
  /** A new melding from the closed case's intake, linked to it, with the reason and who. */
  reopen(reference: string, request: { reason: ReopenReason; by: string; now: Date }): Promise<ReopenOutcome>;
}

/** More later links than this on one case is a data problem, not a list to read. */
const MAX_LATER = 50;
/** A fresh random reference collides now and then with another case: try a few. */
const MAX_CANDIDATES = 5;

/** The visibility filter for the later meldingen linked to `reference` (its form is checked first). */
export function linkedLaterFilter(reference: string): string {
  if (!/^CSG-[A-Z]{2,4}-\d{4}-\d{6}$/.test(reference)) throw new Error('expected a melding reference');
  return `WorkflowType = '${MELDING_WORKFLOW_TYPE}' AND ${CsgGekoppeld.name} = '${reference}'`;
}

export function createKoppelingService(
  client: Client,
  taskQueue: string,
  blindIndexKey?: Buffer,
): KoppelingService {
  async function reopenWindow(reference: string, now: Date): Promise<ReopenWindow | undefined> {
    const handle = meldingHandle(client, reference);
    let description;
    try {
      description = await handle.describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
    if (description.status.name === 'RUNNING' || !description.closeTime) return { status: 'running' };
    const regionId =
      description.typedSearchAttributes.get(CsgRegion) ?? (await handle.query(caseState)).regionId;
    const withinDays = REGIONS.get(regionId)?.reopenWithinDays ?? DEFAULT_REOPEN_WITHIN_DAYS;
    const until = reopenDeadline(description.closeTime, withinDays);
    return {
      status: 'closed',
      closedAt: description.closeTime,
      until,
      withinDays,
      open: now.getTime() <= until.getTime(),
    };
  }

  /**
   * The reopening of `reference` that still runs, if any: a second click, or a colleague who did
   * not see the first, would otherwise start a second case for the same person. (A reopening
   * started a second ago may not be visible to the search yet.)
   */
  async function runningReopening(reference: string): Promise<string | undefined> {
    const later = await listNewestFirst(client, linkedLaterFilter(reference), MAX_LATER);
    for (const melding of later.filter((m) => m.open)) {
      const state = await meldingHandle(client, melding.reference).query(caseState);
      if (state.reopening?.from === reference) return melding.reference;
    }
    return undefined;
  }

  return {
    linkedLater: (reference, regions) =>
      listNewestFirst(client, inRegions(linkedLaterFilter(reference), regions), MAX_LATER),

    reopenWindow,

    async reopen(reference, { reason, by, now }) {
      const window = await reopenWindow(reference, now);
      if (!window) return { status: 'not_found' };
      if (window.status === 'running') return { status: 'running' };
      if (!window.open)
        return {
          status: 'window_passed',
          closedAt: window.closedAt,
          until: window.until,
          withinDays: window.withinDays,
        };
      const running = await runningReopening(reference);
      if (running) return { status: 'already_reopened', reference: running };
      const handle = meldingHandle(client, reference);
      const [intake, state] = await Promise.all([handle.query(intakeForReopening), handle.query(caseState)]);
      // The new melding starts in its municipality's region: after a transfer by a corrected
      // municipality that is the receiving region, and its reference says so.
      const regionId = regionForMunicipality(intake.municipality)?.id ?? state.regionId;
      for (let attempt = 0; attempt < MAX_CANDIDATES; attempt++) {
        const newReference = buildReference(regionId, now, newSequenceNumber());
        const started = await startMelding(
          client,
          taskQueue,
          { ...intake, reference: newReference, receivedAt: now.toISOString(), recordedBy: by },
          blindIndexKey,
          { from: reference, reason, by },
        );
        if (started.status === 'started')
          return { status: 'reopened', reference: newReference, from: reference };
        if (started.status === 'invalid') return { status: 'invalid', problems: started.problems };
      }
      throw new Error('no free melding reference after several candidates');
    },
  };
}
