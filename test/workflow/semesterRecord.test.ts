/**
 * The workflow's part of the semester figures, on the time-skipping server: a case is counted by
 * an open record from intake, and a case that runs the whole pathway writes one anonymous record
 * when it ends (with what it was given) that replaces it; the FMO and medical care count once
 * their partners report them done (accepted only, or called off, they do not), and the aangifte
 * decision is validated like every other decision.
 */
import { DecisionRejectedError, decide } from '../../cases/meldingClient';
import { DAY, open, poll, useHarness } from './harness';

const h = useHarness('wf-semester-record');

const result = (ref: string) => h.env.client.workflow.getHandle(ref).result();
const recordsOf = (before: number) => h.partners.reports.slice(before);

test('a case that runs to its end writes one anonymous record of what it was given', async () => {
  const intake = await h.intake({
    victimAge: { kind: 'band', band: '16-17' },
    gender: 'vrouw',
    earlierSexualAbuse: 'ja',
  });
  const openBefore = h.partners.openReports.length;
  const ref = await h.start(intake);
  await h.until(ref, (s) => s.phase === 'acute_zorg');
  // Counted from the start, in the semester of its melding: what the intake says, no care yet. The
  // open record's activity runs beside the pathway, so it may land after the phase changed.
  const opened = await poll(async () => {
    const written = h.partners.openReports.slice(openBefore);
    return written.length > 0 ? written : undefined;
  }, 'the open record');
  expect(opened).toHaveLength(1);
  expect(opened[0]!.record).toEqual({
    regionId: 'limburg',
    semester: expect.stringMatching(/^\d{4}-H[12]$/),
    acute: true,
    gender: 'vrouw',
    minor: 'ja',
    earlierSexualAbuse: 'ja',
    medicalCare: false,
    fmo: false,
    aangifte: false,
    casemanagement: false,
  });
  expect(opened[0]!.openKey).toMatch(/^[0-9a-f-]{36}$/);
  for (const id of ['informatief_gesprek', 'fmo', 'fmo-opsporing', 'medische_zorg']) {
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: id, by: 'partner-1' },
    });
  }
  // The examination and the care took place: the partners report their tasks done.
  for (const id of ['fmo', 'medische_zorg']) {
    await decide(h.env.client, ref, {
      type: 'taak',
      input: { requestId: id, step: { action: 'uitgevoerd', outcome: 'afgerond' }, by: 'partner-1' },
    });
  }
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  const s = await decide(h.env.client, ref, { type: 'aangifte', input: { made: true, by: 'cm-1' } });
  expect(s.decisions.at(-1)).toMatchObject({ type: 'aangifte', value: 'gedaan', by: 'cm-1' });
  const before = h.partners.reports.length;
  const base = Date.parse(intake.receivedAt);
  for (const day of [1, 7, 14, 28]) {
    const wait = base + day * DAY - (await h.now());
    if (wait > 0) await h.skip(wait + 1000);
    await h.until(ref, (st) => open(st, `checkin-dag-${day}`) !== undefined);
    await decide(h.env.client, ref, {
      type: 'checkin',
      input: {
        requestId: `checkin-dag-${day}`,
        outcome: 'gaat_goed',
        by: 'cm-1',
        ...(day === 28 ? { ptss: false } : {}),
      },
    });
  }
  expect(await result(ref)).toMatchObject({ outcome: 'afgerond' });
  const written = recordsOf(before);
  expect(written).toHaveLength(1);
  const [{ record, writeKey, openKey }] = written as [(typeof written)[number]];
  // The final record replaces the open one.
  expect(openKey).toBe(opened[0]!.openKey);
  expect(record).toEqual({
    regionId: 'limburg',
    semester: expect.stringMatching(/^\d{4}-H[12]$/),
    acute: true,
    gender: 'vrouw',
    minor: 'ja',
    earlierSexualAbuse: 'ja',
    medicalCare: true,
    fmo: true,
    aangifte: true,
    casemanagement: true,
  });
  // The write key is random: nothing of the case (reference, region code, number) is in it.
  expect(writeKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify([written, opened])).not.toContain(ref.slice(-6));
});

test('an FMO the partner accepted but that was called off (police wish "nee") is not counted', async () => {
  const intake = await h.intake({ wishes: { police: 'ja', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'fmo') !== undefined);
  await decide(h.env.client, ref, { type: 'ontvangstbevestiging', input: { requestId: 'fmo', by: 'fa-1' } });
  await decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'nee', by: 'cm-1' } });
  const before = h.partners.reports.length;
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await result(ref);
  expect(recordsOf(before)[0]!.record).toMatchObject({
    acute: true,
    gender: 'onbekend',
    earlierSexualAbuse: 'onbekend',
    minor: 'nee',
    fmo: false,
    medicalCare: false,
    aangifte: false,
    casemanagement: false,
  });
});

test('FMO and medical care count once done: accepted but never done, or the opsporing’s, does not', async () => {
  const intake = await h.intake({ wishes: { police: 'ja', medicalCare: 'ja' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'medische_zorg') !== undefined && open(s, 'fmo-opsporing') !== undefined);
  for (const id of ['fmo', 'fmo-opsporing', 'medische_zorg']) {
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: id, by: 'partner-1' },
    });
  }
  const done = (requestId: string) =>
    decide(h.env.client, ref, {
      type: 'taak',
      input: { requestId, step: { action: 'uitgevoerd', outcome: 'afgerond' }, by: 'partner-1' },
    });
  // The forensische opsporing was there, the medical care given; the examination itself never
  // reported done (only planned).
  await done('fmo-opsporing');
  await done('medische_zorg');
  await decide(h.env.client, ref, {
    type: 'taak',
    input: {
      requestId: 'fmo',
      step: { action: 'plannen', appointment: { at: '2026-12-02T10:00:00+01:00', place: 'Polikliniek' } },
      by: 'partner-1',
    },
  });
  const before = h.partners.reports.length;
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await result(ref);
  expect(recordsOf(before)[0]!.record).toMatchObject({ fmo: false, medicalCare: true });
});

test('the aangifte decision is validated: true or false, and not on a closed case', async () => {
  const ref = await h.start(await h.intake({}, 24 * 10));
  await h.until(ref, (s) => s.phase !== 'triage');
  await expect(
    decide(h.env.client, ref, { type: 'aangifte', input: { made: 'ja' as unknown as boolean, by: 'cm-1' } }),
  ).rejects.toThrow(new DecisionRejectedError(ref, 'made: expected true or false'));
  const s = await decide(h.env.client, ref, { type: 'aangifte', input: { made: false, by: 'cm-1' } });
  expect(s.decisions.at(-1)).toMatchObject({ type: 'aangifte', value: 'niet_gedaan' });
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await result(ref);
  await expect(
    decide(h.env.client, ref, { type: 'aangifte', input: { made: true, by: 'cm-1' } }),
  ).rejects.toThrow();
});
