/**
 * Steps shared by the tests of watchful waiting as it happens (checkInPlan.test.ts,
 * failedContacts.test.ts): a case in watchful waiting, the clock moved to a moment, decisions
 * recorded or refused.
 */
import { decide, DecisionRejectedError } from '../../cases/meldingClient';
import type { Decision } from '../../domain/decisions';
import type { CaseState } from '../../workflows/messages';
import { DAY, open, type Harness } from './harness';

export const CM = 'cm-1';

export interface CaseInWaiting {
  ref: string;
  /** Epoch ms the check-in days count from (the intake). */
  base: number;
}

/** Police "nee", no medical care; the handover accepted by `CM`, who owns the case. */
export async function startInWatchfulWaiting(
  h: Harness,
  municipality = 'Maastricht',
): Promise<CaseInWaiting> {
  const intake = await h.intake({ municipality, wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: CM },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting' && (s.checkInPlan?.length ?? 0) > 0);
  return { ref, base: Date.parse(intake.receivedAt) };
}

/** An ISO time `days` after the case's base. */
export const dayIso = (c: CaseInWaiting, days: number) => new Date(c.base + days * DAY).toISOString();

/** Moves the server clock to just after `days` after the base (never back). */
export async function skipTo(h: Harness, c: CaseInWaiting, days: number): Promise<void> {
  const wait = c.base + days * DAY - (await h.now());
  if (wait > 0) await h.skip(wait + 1000);
}

/** Moves the clock to the check-in's time and waits until its request is open. */
export async function reach(
  h: Harness,
  c: CaseInWaiting,
  checkInId: string,
  days: number,
): Promise<CaseState> {
  await skipTo(h, c, days);
  return h.until(c.ref, (s) => open(s, checkInId) !== undefined, checkInId);
}

export function record(h: Harness, c: CaseInWaiting, decision: Decision): Promise<CaseState> {
  return decide(h.env.client, c.ref, decision);
}

/** The reason the case refuses `decision` with (the test fails if it accepts it). */
export async function refusal(h: Harness, c: CaseInWaiting, decision: Decision): Promise<string> {
  try {
    await decide(h.env.client, c.ref, decision);
  } catch (error) {
    if (error instanceof DecisionRejectedError) return error.reason;
    throw error;
  }
  throw new Error(`the case accepted ${decision.type}`);
}

/** The plan as id → status. */
export const statuses = (s: CaseState) =>
  Object.fromEntries((s.checkInPlan ?? []).map((e) => [e.id, e.status]));
export const planned = (s: CaseState, id: string) => s.checkInPlan?.find((e) => e.id === id);
