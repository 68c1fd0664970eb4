/**
 * The test dev server's worker writes the case file the harness holds: a melding started and
 * decided through the intake service leaves its milestones there, for a test (or the web service
 * handed the same case file) to read once the workflow is gone.
 */
import type { CaseFileRecord } from '../../caseFile';
import type { DecisionRecordData, IntakeRecordData } from '../../caseFile/recordData';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { buildIntake } from '../../testkit/meldingFixtures';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(async () => {
  await h?.stop();
});

const post = (url: string, payload: object) =>
  h.app.inject({ method: 'POST', url, headers: { authorization: AS_HELPLINE }, payload });

async function untilRecorded(reference: string, key: string): Promise<CaseFileRecord[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const records = await h.caseFile.records(reference);
    if (records.some((r) => r.key.startsWith(key))) return records;
    if (Date.now() > deadline) throw new Error(`no ${key} record for ${reference}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a melding started and decided through the service is in the case file the harness holds', async () => {
  const intake = buildIntake();
  expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
  const wish = await post(`/api/meldingen/${intake.reference}/decisions/politiewens`, { wish: 'nee' });
  expect(wish.statusCode).toBe(200);

  const records = await untilRecorded(intake.reference, 'besluit/');
  expect(records.slice(0, 2).map((r) => r.kind)).toEqual(['intake', 'triage']);
  // The intake as the service took it in: recorded by the staff member who started it.
  expect((records[0]!.data as IntakeRecordData).intake).toEqual({ ...intake, recordedBy: 'helpline-017' });
  const decision = records.find((r) => r.kind === 'besluit')!.data as DecisionRecordData;
  expect(decision.decision).toMatchObject({
    type: 'politiewens',
    input: { wish: 'nee' },
    by: 'helpline-017',
  });
  expect(decision.state).toMatchObject({ reference: intake.reference, policeWish: 'nee' });
});
