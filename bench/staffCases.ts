/**
 * The open cases the staff pages are measured with.
 *
 * Filler cases: executions whose search attributes say what a melding's would (region, phase, the
 * awaited party and its deadline, the owning casemanager), started on a task queue no worker
 * polls. The worklist and the overview find cases by visibility, so the filler costs their
 * questions what real cases would, and 50,000 are in place in well under an hour instead of the
 * hours real meldingen take. None is owned by the measured casemanager: their worklist holds only
 * real meldingen, as the worklist asks each of its cases' state.
 *
 * Real meldingen on the real worker: the measured casemanager's own cases in watchful waiting
 * (the worklist, the case page), and a few flagged for the casusoverleg (the overview asks their
 * notes).
 *
 * Every set-up tops up to its number, so a run against a server that already holds the cases
 * (CSG_TEST_TEMPORAL_ADDRESS) starts only what is missing.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decide, getCaseState, MELDING_WORKFLOW_TYPE, startMelding } from '../cases/meldingClient';
import { listOwned } from '../cases/worklist';
import { CASE_PHASES, PARTNER_ROLES, RECIPIENT_TIERS } from '../domain/vocabulary';
import { HANDOVER_REQUEST_ID } from '../workflows/opsMessages';
import { buildIntake } from '../testkit/meldingFixtures';
import { inParallel, progress, sleep } from './measure';

/** Where the pages are measured: a Temporal server with the melding worker on `taskQueue`. */
export interface StaffStack {
  client: Client;
  taskQueue: string;
}

/** The filler's regions: the measured one (Limburg, where the real meldingen fall) and another. */
export const FILLER_REGIONS = ['limburg', 'gelderland-zuid-midden'] as const;
export const MEASURED_REGION = 'limburg';
/** The casemanager whose worklist is measured (TEST_CONFIG: a casemanager for every region). */
export const MEASURED_CASEMANAGER = 'cm-017';
export const VISIBILITY_ONLY_QUEUE = 'csg-bench-visibility-only';
/** The filler's owners: a region's team of casemanagers, never the measured one. */
const OTHER_CASEMANAGERS = Array.from({ length: 24 }, (_, i) => `cm-bench-${i + 1}`);

const running = `ExecutionStatus = 'Running'`;
const count = async (client: Client, query: string) => (await client.workflow.count(query)).count;

/**
 * Filler cases until `target` run, spread over the two regions; one in four has no casemanager
 * yet. Answers how many it started and how long that took.
 */
export async function fillVisibility(
  client: Client,
  target: number,
): Promise<{ started: number; seconds: number }> {
  const t0 = Date.now();
  const now = Date.now();
  const phases = CASE_PHASES.filter((p) => p !== 'triage' && p !== 'afgesloten');
  const present = await count(client, `${running} AND TaskQueue = '${VISIBILITY_ONLY_QUEUE}'`);
  const missing = Math.max(0, target - present);
  let done = 0;
  const indexes = Array.from({ length: missing }, (_, i) => present + i);
  await inParallel(indexes, 32, async (i) => {
    const awaiting = i % 5 < 3; // three in five wait for a partner
    const role = PARTNER_ROLES[i % PARTNER_ROLES.length]!;
    const tier = RECIPIENT_TIERS[i % RECIPIENT_TIERS.length]!;
    // Deadlines from two days ago to five days ahead: some past, most not.
    const deadline = new Date(now + ((i % 7) - 2) * 24 * 3600_000 + (i % 1440) * 60_000);
    await client.workflow.start(MELDING_WORKFLOW_TYPE, {
      taskQueue: VISIBILITY_ONLY_QUEUE,
      workflowId: `bench-open-${randomUUID()}`,
      args: [],
      searchAttributes: {
        CsgRegion: [FILLER_REGIONS[i % FILLER_REGIONS.length]!],
        CsgPhase: [phases[i % phases.length]!],
        CsgTriageWindow: ['na_7_dagen'],
        CsgEscalationLevel: [0],
        ...(awaiting ? { CsgAwaitedParty: [`${role}/${tier}`], CsgAwaitedDeadline: [deadline] } : {}),
        ...(i % 4 === 0 ? {} : { CsgCasemanager: [OTHER_CASEMANAGERS[i % OTHER_CASEMANAGERS.length]!] }),
      },
    });
    done += 1;
    if (done % 1000 === 0) progress(`${present + done} of ${target} filler cases started`);
  });
  return { started: missing, seconds: (Date.now() - t0) / 1000 };
}

/** Polls `check` until it answers something, or fails naming `what`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** A real melding in Limburg whose handover to the casemanager is asked; its reference. */
async function startReal(stack: StaffStack): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const started = await startMelding(stack.client, stack.taskQueue, intake);
  if (started.status !== 'started') throw new Error(`bench melding not started: ${started.status}`);
  await until(`the handover of a bench melding`, async () =>
    (await getCaseState(stack.client, intake.reference)).openRequests.some(
      (r) => r.requestId === HANDOVER_REQUEST_ID,
    )
      ? true
      : undefined,
  );
  return intake.reference;
}

/**
 * Real meldingen owned by `staffId` in watchful waiting, until they own `target`: each handover
 * acknowledged by them, as from their worklist. Answers all their references.
 */
export async function ownReal(stack: StaffStack, staffId: string, target: number): Promise<string[]> {
  const owned = (await listOwned(stack.client, staffId)).references;
  const added: string[] = [];
  await inParallel(
    Array.from({ length: Math.max(0, target - owned.length) }, (_, i) => i),
    4,
    async () => {
      const reference = await startReal(stack);
      await decide(stack.client, reference, {
        type: 'ontvangstbevestiging',
        input: { requestId: HANDOVER_REQUEST_ID, by: staffId },
      });
      await until(`${reference} in watchful waiting`, async () =>
        (await getCaseState(stack.client, reference)).phase === 'watchful_waiting' ? true : undefined,
      );
      added.push(reference);
      progress(`${owned.length + added.length} of ${target} real cases owned by ${staffId}`);
    },
  );
  // Visibility follows the owner a moment later.
  return until(`${staffId}'s ${target} cases in visibility`, async () => {
    const listed = (await listOwned(stack.client, staffId)).references;
    return listed.length >= target ? listed : undefined;
  });
}

/** Real meldingen of the measured region flagged for the casusoverleg with a note, until `target`. */
export async function flagReal(stack: StaffStack, target: number): Promise<void> {
  const flagged = `${running} AND CsgRegion = '${MEASURED_REGION}' AND CsgCasusoverleg = true`;
  const present = await count(stack.client, flagged);
  for (let i = present; i < target; i++) {
    const reference = await startReal(stack);
    await decide(stack.client, reference, {
      type: 'casusoverleg',
      input: { flagged: true, note: `Bespreken in het casusoverleg (${i + 1})`, by: 'bench-cm' },
    });
  }
  await until('the flagged cases in visibility', async () =>
    (await count(stack.client, flagged)) >= target ? true : undefined,
  );
}

/** Waits until visibility holds at least `atLeast` running cases with a region. */
export async function visibilityHolds(client: Client, atLeast: number): Promise<void> {
  await until(
    `${atLeast} open cases in visibility`,
    async () => ((await count(client, `${running} AND CsgRegion IS NOT NULL`)) >= atLeast ? true : undefined),
    300_000,
  );
}
