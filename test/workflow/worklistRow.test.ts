/**
 * The worklist row a case keeps in its memo follows the case: once the handover is accepted the
 * case is owned and plans its first check-in; a check-in that comes due is in the row with its
 * deadline; once answered, the row names the next one. The row read back from the memo is at every
 * step the one the case state gives, so the worklist needs no state query.
 */
import { decide } from '../../cases/meldingClient';
import { rowFromMemo } from '../../cases/worklist';
import type { CaseState } from '../../workflows/messages';
import { worklistRowOf, type WorklistRow } from '../../workflows/worklistRow';
import { DAY, open, useHarness } from './harness';

const h = useHarness('wf-worklist-row');

/** The row in the case's memo once it holds what `check` asks (time does not move meanwhile). */
async function untilRow(
  ref: string,
  check: (row: WorklistRow) => boolean,
  what: string,
): Promise<WorklistRow> {
  const started = Date.now();
  for (;;) {
    const { memo } = await h.env.client.workflow.getHandle(ref).describe();
    const row = rowFromMemo(memo);
    if (row && check(row)) return row;
    if (Date.now() - started > 20_000)
      throw new Error(`timed out waiting for ${what}; memo: ${JSON.stringify(memo)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('handover accepted, check-in due, answered: the memo row follows, as the state says', async () => {
  const intake = await h.intake({
    municipality: 'Maastricht',
    wishes: { police: 'nee', medicalCare: 'nee' },
  });
  const base = Date.parse(intake.receivedAt);
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined, 'the handover');
  const handover = await untilRow(ref, (r) => r.phase === 'casemanager_overdracht', 'the handover row');
  expect(handover.nextContact).toBeUndefined();

  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
  });
  const owned = await h.until(ref, (s) => s.nextCheckIn !== undefined, 'the first plan');
  expect(owned.casemanager).toBe('cm-1');
  const planned = await untilRow(ref, (r) => r.nextContact?.source === 'gepland', 'the planned check-in');
  expect(planned).toEqual({
    regionId: owned.regionId,
    phase: 'watchful_waiting',
    nextContact: {
      at: new Date(base + DAY).toISOString(),
      source: 'gepland',
      number: 1,
      of: 4,
      screening: false,
    },
    waitingOnPartners: [],
  });
  expect(planned).toEqual(worklistRowOf(owned));

  await h.skip(base + DAY - (await h.now()) + 1000);
  const due: CaseState = await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined, 'check-in day 1');
  const dueRow = await untilRow(ref, (r) => r.nextContact?.source === 'open', 'the open check-in');
  expect(dueRow.nextContact).toEqual({ at: open(due, 'checkin-dag-1')!.dueBy, source: 'open' });
  expect(dueRow).toEqual(worklistRowOf(due));

  await decide(h.env.client, ref, {
    type: 'checkin',
    input: { requestId: 'checkin-dag-1', outcome: 'gaat_goed', by: 'cm-1' },
  });
  const next = await h.until(ref, (s) => s.nextCheckIn?.number === 2, 'the second plan');
  const nextRow = await untilRow(ref, (r) => r.nextContact?.number === 2, 'the next check-in');
  expect(nextRow.nextContact).toEqual({
    at: new Date(base + 7 * DAY).toISOString(),
    source: 'gepland',
    number: 2,
    of: 4,
    screening: false,
  });
  expect(nextRow).toEqual(worklistRowOf(next));
});
