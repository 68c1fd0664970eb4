/**
 * Handing a case to another casemanager on the case page, against a real dev server and the real
 * melding workflow: only the coordinator gets the form, it offers the case region's casemanagers
 * but not the owner, the confirmation says what changes and changes nothing, and the decision is
 * recorded as the coordinator. An unknown casemanager is refused with the field named.
 */
import { decide, startMelding } from '../../cases/meldingClient';
import { ownedByFilter } from '../../cases/ownership';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState, type CaseState } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

let h: IntakeHarness;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

const loginAs = (id: string, password: string) => formSession(h.app, id, password);

beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},coord-017:coordinator-wachtwoord-1`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},coord-017=coordinator@alle`,
    },
  });
  sessions.cm = await loginAs('cm-017', 'casemanager-wachtwoord-1');
  sessions.coord = await loginAs('coord-017', 'coordinator-wachtwoord-1');
});
afterAll(() => h?.stop());

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

const get = (url: string, as: string) =>
  h.app.inject({ method: 'GET', url, headers: { cookie: sessions[as]!.cookie, 'accept-language': 'nl' } });

const post = (url: string, fields: Record<string, string>, as: string) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: sessions[as]!.cookie,
      'accept-language': 'nl',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: sessions[as]!.csrf, ...fields }).toString(),
  });

async function owned(staffId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const run of h.client.workflow.list({ query: ownedByFilter(staffId) })) ids.push(run.workflowId);
  return ids;
}

/** Visibility follows the case a moment later. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Limburg case whose handover cm-017 accepted: cm-017 owns it. */
async function ownedCase(): Promise<string> {
  const intake = buildIntake({ municipality: 'Maastricht', wishes: { police: 'nee', medicalCare: 'nee' } });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  // The worker opens the handover request first; the answer waits for it.
  const deadline = Date.now() + 20_000;
  while (!(await stateOf(intake.reference)).openRequests.some((r) => r.kind === 'casemanager_overdracht')) {
    if (Date.now() > deadline) throw new Error('no handover request');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await decide(h.client, intake.reference, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
  });
  expect((await stateOf(intake.reference)).casemanager).toBe('cm-017');
  return intake.reference;
}

describe('handing the case to another casemanager', () => {
  test("the coordinator's form offers the region's other casemanagers; confirmed, the case has its new owner", async () => {
    const reference = await ownedCase();
    const cm = await get(`/meldingen/${reference}`, 'cm');
    expect(cm.body).not.toContain('id="besluit-eigenaar"');
    const coord = await get(`/meldingen/${reference}`, 'coord');
    expect(coord.body).toMatch(/<dd id="casemanager">\s*cm-017\s*<\/dd>/);
    const form = /<form[^>]*id="besluit-eigenaar"[\s\S]*?<\/form>/.exec(coord.body)?.[0] ?? '';
    expect(form).toContain('<option value="cm-lim" >Casemanager Limburg (voorbeeld) (cm-lim)</option>');
    // The owner is no change to offer.
    expect(form).not.toContain('value="cm-017"');
    expect(form).toContain('Verdeling van het werk');

    const fields = { casemanager: 'cm-lim', reason: 'werkverdeling' };
    const confirm = await post(`/meldingen/${reference}/besluiten/eigenaar/controleren`, fields, 'coord');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(
      'Casemanager Limburg (voorbeeld) (cm-lim) wordt de casemanager van deze melding',
    );
    expect((await stateOf(reference)).casemanager).toBe('cm-017');

    const record = await post(`/meldingen/${reference}/besluiten/eigenaar`, fields, 'coord');
    expect(record.statusCode).toBe(303);
    const after = await stateOf(reference);
    expect(after.casemanager).toBe('cm-lim');
    expect(after.decisions.at(-1)).toMatchObject({
      type: 'eigenaar',
      by: 'coord-017',
      value: 'cm-017 → cm-lim; reden: werkverdeling',
    });
    // The page names the new owner; the timeline says who handed it to whom and why, in words.
    const page = await get(`/meldingen/${reference}`, 'coord');
    expect(page.body).toMatch(/<dd id="casemanager">\s*cm-lim\s*<\/dd>/);
    expect(page.body).toContain('cm-017 → cm-lim; Verdeling van het werk');
    // "My cases" by a visibility query: the case is now among cm-lim's, no longer among cm-017's.
    await eventually(async () => (await owned('cm-lim')).includes(reference), "cm-lim's cases");
    expect(await owned('cm-017')).not.toContain(reference);
  });

  test('an unknown casemanager is refused with the field named; a casemanager may not post it', async () => {
    const reference = await ownedCase();
    const before = await stateOf(reference);
    const unknown = await post(
      `/meldingen/${reference}/besluiten/eigenaar`,
      { casemanager: 'cm-999', reason: 'werkverdeling' },
      'coord',
    );
    expect(unknown.statusCode).toBe(409);
    expect(unknown.body).toContain('id="eigenaar-casemanager-fout"');
    expect(unknown.body).toContain('Kies een casemanager van deze regio uit de lijst');
    const forged = await post(
      `/meldingen/${reference}/besluiten/eigenaar`,
      { casemanager: 'cm-lim', reason: 'werkverdeling' },
      'cm',
    );
    expect(forged.statusCode).toBe(403);
    expect((await stateOf(reference)).decisions).toEqual(before.decisions);
  });
});

describe('flagging a case for the casusoverleg on the case page', () => {
  test('a casemanager flags it with a note through the confirmation; without a note the field is named and nothing changes', async () => {
    const reference = await ownedCase();
    expect((await get(`/meldingen/${reference}`, 'cm')).body).toContain('id="besluit-casusoverleg"');

    const noNote = await post(
      `/meldingen/${reference}/besluiten/casusoverleg/controleren`,
      { flagged: 'true' },
      'cm',
    );
    expect(noNote.statusCode).toBeGreaterThanOrEqual(400);
    expect(noNote.body).toContain('id="casusoverleg-note-fout"');

    const fields = { flagged: 'true', note: 'Twijfel over de termijn van de FMO' };
    const confirm = await post(`/meldingen/${reference}/besluiten/casusoverleg/controleren`, fields, 'cm');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('met de notitie: Twijfel over de termijn van de FMO');
    expect((await stateOf(reference)).casusoverleg).toBeUndefined();

    const record = await post(`/meldingen/${reference}/besluiten/casusoverleg`, fields, 'cm');
    expect(record.statusCode).toBe(303);
    expect((await stateOf(reference)).casusoverleg).toMatchObject({
      note: 'Twijfel over de termijn van de FMO',
      by: 'cm-017',
    });
    expect((await get(`/meldingen/${reference}`, 'cm')).body).toMatch(
      /<dd id="casusoverleg">\s*Gemarkeerd: Twijfel over de termijn van de FMO \(cm-017, /,
    );
  });
});
