/**
 * The case file the workflow writes: a record per milestone, each with the workflow's time of it
 * and the case state right after it, through the real activity into a real (in-memory) case file.
 * A retried write writes nothing twice; a case does not complete before its records are written;
 * the case file holds exactly the records the workflow made.
 */
import type { CaseFileRecord } from '../../caseFile';
import type {
  CorrectionRecordData,
  DecisionRecordData,
  IntakeRecordData,
  PartnerRequestOutcomeData,
  RecordBase,
} from '../../caseFile/recordData';
import type { MeldingIntake } from '../../domain/types';
import {
  acknowledgeRequest,
  correctLanguage,
  recordContact,
  withdraw,
  type ContactRecord,
} from '../../workflows/messages';
import { correctIncidentTime, correctVictimAge } from '../../workflows/messages';
import { resendRequest } from '../../workflows/opsMessages';
import { DAY, open, useHarness } from './harness';

const h = useHarness('wf-case-file');

const handle = (ref: string) => h.env.client.workflow.getHandle(ref);
const records = (ref: string) => h.caseFile.caseFile.records(ref);
const keys = (list: CaseFileRecord[]) => list.map((r) => r.key);
const stateOf = (r: CaseFileRecord | undefined) => (r!.data as RecordBase).state;

/** Waits (real time, no skipping) until the case file holds `count` records of the case. */
async function untilRecords(ref: string, count: number): Promise<void> {
  const started = Date.now();
  while ((await records(ref)).length < count) {
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${count} records of ${ref}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeEach(() => {
  h.caseFile.crashAfterWrite = () => false;
  h.caseFile.storeDown = () => false;
});

/**
 * A case without police or medical care: the language corrected, the handover accepted, a contact
 * at day 1, then withdrawn. Each decision under an update id of the test's own.
 */
async function caseToTheEnd(intake: MeldingIntake): Promise<{ ref: string; contact: ContactRecord }> {
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await handle(ref).executeUpdate(correctLanguage, {
    updateId: 'taal-1',
    args: [{ language: 'ar', interpreterNeeded: true, reason: 'nieuwe_informatie', by: 'cm-1' }],
  });
  await handle(ref).executeUpdate(acknowledgeRequest, {
    updateId: 'ack-1',
    args: [{ requestId: 'casemanager_overdracht', by: 'cm-1' }],
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  await h.skip(Date.parse(intake.receivedAt) + DAY + 1000 - (await h.now()));
  await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined);
  const after = await handle(ref).executeUpdate(recordContact, {
    updateId: 'contact-1',
    args: [{ reached: true, outcome: 'gaat_goed', by: 'cm-1' }],
  });
  await handle(ref).executeUpdate(withdraw, { updateId: 'intrekking-1', args: [{ by: 'cm-1' }] });
  await handle(ref).result();
  return { ref, contact: after.contacts!.at(-1)! };
}

test('a case running its pathway writes each milestone, keyed by its event, with the state after it', async () => {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const { ref, contact } = await caseToTheEnd(intake);
  const file = await records(ref);

  expect(keys(file)).toEqual([
    'intake',
    'triage',
    'partnerverzoek/casemanager_overdracht',
    'correctie/taal-1',
    'partnerverzoek_uitkomst/casemanager_overdracht/acknowledged',
    'besluit/ack-1',
    'partnerverzoek/checkin-dag-1',
    'partnerverzoek_uitkomst/checkin-dag-1/acknowledged',
    'checkin/contact-1',
    // The casemanager who accepted is told the case was withdrawn, before the decision's record.
    'partnerverzoek_uitkomst/casemanager_overdracht/ingetrokken',
    'besluit/intrekking-1',
    'afsluiting',
  ]);
  const byKey = new Map(file.map((r) => [r.key, r]));

  // The intake as taken in, details included; the state at intake names no request yet.
  const intakeRecord = byKey.get('intake')!;
  expect((intakeRecord.data as IntakeRecordData).intake).toEqual(intake);
  expect(stateOf(intakeRecord)).toMatchObject({ reference: ref, phase: 'triage', requests: [] });
  expect(byKey.get('triage')!.data).toMatchObject({ triage: stateOf(intakeRecord).triage });

  // The correction: what staff changed, the intake's fields as they now read, why and who.
  expect((byKey.get('correctie/taal-1')!.data as CorrectionRecordData).correction).toEqual({
    fields: ['language', 'interpreterNeeded'],
    values: { language: 'ar', interpreterNeeded: true },
    reason: 'nieuwe_informatie',
    by: 'cm-1',
    updateId: 'taal-1',
  });

  // The decision and the outcome it gave, each with the state right after it.
  const accepted = byKey.get('besluit/ack-1')!;
  expect((accepted.data as DecisionRecordData).decision).toEqual({
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
    by: 'cm-1',
    updateId: 'ack-1',
  });
  expect(stateOf(accepted)).toMatchObject({ casemanager: 'cm-1' });
  const outcome = byKey.get('partnerverzoek_uitkomst/casemanager_overdracht/acknowledged')!;
  expect((outcome.data as PartnerRequestOutcomeData).request).toMatchObject({
    id: 'casemanager_overdracht',
    status: 'acknowledged',
    by: 'cm-1',
  });
  expect(outcome.at).toBe((outcome.data as PartnerRequestOutcomeData).request.at);

  // The contact as the workflow recorded it, at the workflow's time of it.
  const checkIn = byKey.get('checkin/contact-1')!;
  expect(checkIn.at).toBe(contact.at);
  expect(checkIn.data).toMatchObject({
    checkIn: { type: 'contactmoment', reached: true, outcome: 'gaat_goed', updateId: 'contact-1', contact },
  });

  // The case as it last stood: closed, withdrawn, nothing open.
  const closing = byKey.get('afsluiting')!;
  expect(closing.data).toMatchObject({ closing: { outcome: 'ingetrokken' } });
  expect(stateOf(closing)).toMatchObject({ phase: 'afgesloten', outcome: 'ingetrokken', openRequests: [] });
  // Times are the workflow's, in the order the milestones happened.
  const times = file.map((r) => Date.parse(r.at));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(times[0]).toBeGreaterThanOrEqual(Date.parse(intake.receivedAt));
});

test('a write retried after a crash writes nothing twice, and the records after it keep their order', async () => {
  let crashed = false;
  h.caseFile.crashAfterWrite = ({ record }) => {
    if (record.key !== 'triage' || crashed) return false;
    crashed = true;
    return true;
  };
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await h.skip(60_000);
  await handle(ref).executeUpdate(withdraw, { updateId: 'intrekking-2', args: [{ by: 'cm-1' }] });
  await handle(ref).result();

  const triageCalls = h.caseFile.callsOf(ref).filter((c) => c.input.record.key === 'triage');
  expect(triageCalls.map((c) => c.result)).toEqual(['crashed', 'already_recorded']);
  // The retry carried exactly the record of the first try.
  expect(triageCalls[1]!.input).toEqual(triageCalls[0]!.input);
  const file = await records(ref);
  expect(keys(file).filter((k) => k === 'triage')).toHaveLength(1);
  expect(keys(file).slice(0, 3)).toEqual(['intake', 'triage', 'partnerverzoek/casemanager_overdracht']);
  expect(keys(file).at(-1)).toBe('afsluiting');
});

test('a case does not complete while a record is still unwritten; once the store is back it does', async () => {
  let down = true;
  h.caseFile.storeDown = ({ record }) => down && record.key === 'afsluiting';
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await handle(ref).executeUpdate(withdraw, { updateId: 'intrekking-3', args: [{ by: 'cm-1' }] });
  await h.until(ref, (s) => s.phase === 'afgesloten');
  await h.skip(10 * 60_000);

  expect(h.caseFile.callsOf(ref).filter((c) => c.result === 'store_down').length).toBeGreaterThan(1);
  expect((await handle(ref).describe()).status.name).toBe('RUNNING');
  expect(keys(await records(ref))).not.toContain('afsluiting');

  down = false;
  await h.skip(2 * 60 * 60_000);
  await handle(ref).result();
  expect(keys(await records(ref)).at(-1)).toBe('afsluiting');
});

test('the case file holds exactly the records the workflow made, for its own case only', async () => {
  const first = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const second = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const { ref } = await caseToTheEnd(first);
  const other = await h.start(second);
  await h.until(other, (s) => open(s, 'casemanager_overdracht') !== undefined);

  // Every record stored is one the workflow handed the activity, as it handed it; none missing.
  const made = new Map(h.caseFile.callsOf(ref).map((c) => [c.input.record.key, c.input.record]));
  const stored = await records(ref);
  expect(stored).toEqual(keys(stored).map((key) => made.get(key)));
  expect(new Set(keys(stored))).toEqual(new Set(made.keys()));
  // The other case's file has only its own records so far (written beside its pathway).
  await untilRecords(other, 3);
  expect(keys(await records(other))).toEqual(['intake', 'triage', 'partnerverzoek/casemanager_overdracht']);
  expect((await records(other)).every((r) => stateOf(r).reference === other)).toBe(true);
});

test('an ops action is recorded once it is done, with the state after it', async () => {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.untilSent(ref, 'casemanager_overdracht', 1);
  await h.skip(5 * 60_000);
  await handle(ref).executeUpdate(resendRequest, {
    updateId: 'herinnering-1',
    args: [{ requestId: 'casemanager_overdracht', by: 'ops' }],
  });
  await untilRecords(ref, 4);

  const resent = (await records(ref)).find((r) => r.key === 'besluit/herinnering-1')!;
  expect(resent.data).toMatchObject({
    decision: { type: 'herinnering', input: { requestId: 'casemanager_overdracht' }, by: 'ops' },
  });
  // Recorded after the re-send went out: the state shows the new step's deadline, not the first's.
  // (the re-sent message reaches the partner double by its own activity: wait for it)
  const [first, second] = await h.untilSent(ref, 'casemanager_overdracht', 2);
  expect(second!.dueBy).not.toBe(first!.dueBy);
  expect(stateOf(resent).requests[0]!.dueBy).toBe(second!.dueBy);
});

test('a correction records the intake fields as they now read, so laid over the intake they give the details', async () => {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  const born = new Date(Date.parse(intake.receivedAt) - 30 * 365 * DAY).toISOString().slice(0, 10);
  await handle(ref).executeUpdate(correctVictimAge, {
    updateId: 'geboortedatum-1',
    args: [{ dateOfBirth: born, reason: 'nieuwe_informatie', by: 'cm-1' }],
  });
  const incidentTime = {
    kind: 'exact' as const,
    at: new Date(Date.parse(intake.receivedAt) - DAY).toISOString(),
  };
  await handle(ref).executeUpdate(correctIncidentTime, {
    updateId: 'incidenttijd-1',
    args: [{ incidentTime, reason: 'invoerfout', by: 'cm-1' }],
  });
  await untilRecords(ref, 5);

  const file = await records(ref);
  const corrections = file
    .filter((r) => r.kind === 'correctie')
    .map((r) => (r.data as CorrectionRecordData).correction);
  // A date of birth changes the age and the contact details; the incident time lives in the triage.
  expect(corrections).toEqual([
    {
      fields: ['dateOfBirth'],
      values: {
        victimAge: { kind: 'years', years: expect.any(Number) },
        victimContact: { ...intake.victimContact, dateOfBirth: born },
      },
      reason: 'nieuwe_informatie',
      by: 'cm-1',
      updateId: 'geboortedatum-1',
    },
    {
      fields: ['incidentTime'],
      values: { incidentTime },
      reason: 'invoerfout',
      by: 'cm-1',
      updateId: 'incidenttijd-1',
    },
  ]);
  // The reader's rule: the intake with each correction laid over it, in order.
  const details = corrections.reduce<Record<string, unknown>>((current, c) => ({ ...current, ...c.values }), {
    ...(file[0]!.data as IntakeRecordData).intake,
  });
  expect(details).toMatchObject({ incidentTime, victimContact: { dateOfBirth: born } });
  expect(stateOf(file.at(-1)).triage).toMatchObject({ basis: 'exact' });
});
