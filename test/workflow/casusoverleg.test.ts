/**
 * The flag for the case consultation, on the time-skipping server: flagging records who and when
 * (never the note) and sets CsgCasusoverleg; the note is in the case state; a flag without a note,
 * an unflag of an unflagged case and a flag on a closed case are refused and change nothing.
 */
import { DecisionRejectedError, decide } from '../../cases/meldingClient';
import { CsgCasusoverleg } from '../../workflows/searchAttributes';
import { useHarness } from './harness';

const h = useHarness('wf-casusoverleg');

const flagOf = async (ref: string) =>
  (await h.env.client.workflow.getHandle(ref).describe()).typedSearchAttributes.get(CsgCasusoverleg);

test('flag with a note, change the note, unflag: recorded with who, the attribute follows, the note stays out of the history', async () => {
  const ref = await h.start(await h.intake());
  await h.until(ref, (s) => s.phase !== 'triage');
  expect(await flagOf(ref)).toBeUndefined();

  const note = 'Politiecontact loopt vast; bespreken wie belt';
  const flagged = await decide(h.env.client, ref, {
    type: 'casusoverleg',
    input: { flagged: true, note: `  ${note} `, by: 'cm-1' },
  });
  expect(flagged.casusoverleg).toEqual({ note, by: 'cm-1', at: expect.any(String) });
  expect(flagged.decisions.at(-1)).toEqual(
    expect.objectContaining({ type: 'casusoverleg', by: 'cm-1', value: 'gemarkeerd' }),
  );
  expect(JSON.stringify(flagged.decisions)).not.toContain('Politiecontact');
  expect(await flagOf(ref)).toBe(true);

  // Flagging again changes the note (a colleague adds to it); the same note again is refused.
  const changed = await decide(h.env.client, ref, {
    type: 'casusoverleg',
    input: { flagged: true, note: 'Ook: tolk regelen', by: 'coord-1' },
  });
  expect(changed.casusoverleg).toEqual(expect.objectContaining({ note: 'Ook: tolk regelen', by: 'coord-1' }));
  await expect(
    decide(h.env.client, ref, {
      type: 'casusoverleg',
      input: { flagged: true, note: 'Ook: tolk regelen', by: 'cm-1' },
    }),
  ).rejects.toThrow(/note: the case is already flagged/);

  const cleared = await decide(h.env.client, ref, {
    type: 'casusoverleg',
    input: { flagged: false, by: 'coord-1' },
  });
  expect(cleared.casusoverleg).toBeUndefined();
  expect(cleared.decisions.at(-1)).toEqual(
    expect.objectContaining({ type: 'casusoverleg', by: 'coord-1', value: 'afgemeld' }),
  );
  expect(await flagOf(ref)).toBe(false);
});

test('refused and nothing changes: a flag without a note, an unflag of an unflagged case, a flag on a closed case', async () => {
  const ref = await h.start(await h.intake());
  await h.until(ref, (s) => s.phase !== 'triage');
  const before = (await h.state(ref)).decisions.length;

  for (const input of [
    { flagged: true, by: 'cm-1' },
    { flagged: true, note: '   ', by: 'cm-1' },
    { flagged: true, note: 'x'.repeat(501), by: 'cm-1' },
    { flagged: false, by: 'cm-1' },
  ]) {
    await expect(decide(h.env.client, ref, { type: 'casusoverleg', input })).rejects.toThrow(
      DecisionRejectedError,
    );
  }
  const after = await h.state(ref);
  expect(after.decisions).toHaveLength(before);
  expect(after.casusoverleg).toBeUndefined();
  expect(await flagOf(ref)).toBeUndefined();

  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await h.env.client.workflow.getHandle(ref).result();
  await expect(
    decide(h.env.client, ref, {
      type: 'casusoverleg',
      input: { flagged: true, note: 'te laat', by: 'cm-1' },
    }),
  ).rejects.toThrow();
});
