/**
 * The worklist's one visibility list on a real dev server: it names the owner alone, so the
 * owner's closed cases come back too and are left out here; each running case brings its row from
 * its memo (decoded by the client like every payload), so the worklist needs no state query; the
 * regions are picked from the cases' search attributes.
 */
import { decide, startMelding } from '../../cases/meldingClient';
import { listOwned } from '../../cases/worklist';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(() => h?.stop());

async function until<T>(get: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A case owned by cm-017, its handover acknowledged directly. */
async function owned(): Promise<string> {
  const intake = buildIntake({ municipality: 'Maastricht', wishes: { police: 'nee', medicalCare: 'nee' } });
  const result = await startMelding(h.client, h.taskQueue, intake);
  if (result.status !== 'started') throw new Error(`not started: ${JSON.stringify(result)}`);
  const ref = result.reference;
  await until(async () => {
    try {
      await decide(h.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
      });
      return true;
    } catch {
      return undefined; // the handover is not asked yet
    }
  }, `the handover of ${ref}`);
  return ref;
}

test("the owner's closed case is left out; a running one comes with its row from the memo", async () => {
  const running = await owned();
  const closed = await owned();
  await decide(h.client, closed, { type: 'intrekking', input: { by: 'cm-017' } });
  await h.client.workflow.getHandle(closed).result();

  // Visibility lists the closed case by its owner too: wait until it does, then see it left out.
  await until(async () => {
    for await (const run of h.client.workflow.list({ query: "CsgCasemanager = 'cm-017'" })) {
      if (run.workflowId === closed && run.status.name !== 'RUNNING') return true;
    }
    return undefined;
  }, 'the closed case in visibility');
  const list = await until(async () => {
    const found = await listOwned(h.client, 'cm-017');
    return found.rows?.get(running)?.nextContact ? found : undefined;
  }, "the running case's row");

  expect(list.references).toContain(running);
  expect(list.references).not.toContain(closed);
  expect(list.rows?.get(running)).toMatchObject({
    phase: 'watchful_waiting',
    nextContact: { source: 'gepland', number: 1 },
    waitingOnPartners: [],
  });

  // The regions are picked here too, before the cap counts a case: a Limburg case is not Utrecht's.
  expect((await listOwned(h.client, 'cm-017', ['limburg'])).references).toContain(running);
  expect((await listOwned(h.client, 'cm-017', ['utrecht'])).references).not.toContain(running);
});
