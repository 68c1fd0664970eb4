/**
 * The same person again, on the time-skipping server: a link on a running case is recorded with
 * who and upserted as a reference; a link to itself or twice is refused and changes nothing; a
 * closed case still answers its intake (as corrected) for a reopening, inside the window set by
 * the region and not after it, measured in the server's time.
 */
import type { Client } from '@temporalio/client';
import { createKoppelingService } from '../../cases/koppeling';
import { DecisionRejectedError, decide } from '../../cases/meldingClient';
import { intakeForReopening } from '../../workflows/messages';
import { CsgGekoppeld } from '../../workflows/searchAttributes';
import { DAY, useHarness } from './harness';

const h = useHarness('wf-koppeling');

test('a link on a running case: recorded with who, a reference in CsgGekoppeld; itself or twice refused', async () => {
  const ref = await h.start(await h.intake());
  await h.until(ref, (s) => s.phase !== 'triage');
  const earlier = 'CSG-LIM-2025-000042';
  const state = await decide(h.env.client, ref, {
    type: 'koppeling',
    input: { reference: earlier, by: 'cm-1' },
  });
  expect(state.linkedTo).toEqual([earlier]);
  expect(state.decisions.at(-1)).toEqual(
    expect.objectContaining({ type: 'koppeling', by: 'cm-1', value: earlier }),
  );
  const described = await h.env.client.workflow.getHandle(ref).describe();
  expect(described.typedSearchAttributes.get(CsgGekoppeld)).toEqual([earlier]);

  for (const reference of [earlier, ref, 'Jansen']) {
    await expect(
      decide(h.env.client, ref, { type: 'koppeling', input: { reference, by: 'cm-1' } }),
    ).rejects.toThrow(DecisionRejectedError);
  }
  expect((await h.state(ref)).linkedTo).toEqual([earlier]);
});

test('a closed case answers its corrected intake, and may be reopened within the window only', async () => {
  const ref = await h.start(await h.intake());
  await h.until(ref, (s) => s.phase !== 'triage');
  await decide(h.env.client, ref, {
    type: 'contactgegevens',
    input: { phone: '+31612399999', reason: 'gewijzigd', by: 'cm-1' },
  });
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await h.env.client.workflow.getHandle(ref).result();
  const intake = await h.env.client.workflow.getHandle(ref).query(intakeForReopening);
  expect(intake.victimContact.phone).toBe('+31612399999');
  // A closed case takes no link any more: the reopening is the way on.
  await expect(
    decide(h.env.client, ref, { type: 'koppeling', input: { reference: 'CSG-LIM-2025-000042', by: 'cm-1' } }),
  ).rejects.toThrow();

  const koppelingen = createKoppelingService(h.env.client as Client, h.taskQueue);
  const window = await koppelingen.reopenWindow(ref, new Date(await h.now()));
  expect(window).toEqual(expect.objectContaining({ status: 'closed', withinDays: 90, open: true }));
  const late = await koppelingen.reopen(ref, {
    reason: 'anders',
    by: 'cm-1',
    now: new Date((await h.now()) + 91 * DAY),
  });
  expect(late.status).toBe('window_passed');
});
