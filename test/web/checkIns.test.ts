/**
 * Watchful waiting as it happens through the JSON API, on a real dev server with the real
 * workflow: a casemanager records contacts and changes the plan of a case in their region; a
 * casemanager of another region gets "not found" and changes nothing; the decision after failed
 * contacts is the coordinator's (and ops'), 403 for a casemanager; a bad body names its field;
 * the contacts' notes are read only by those who record contacts.
 */
import { testBearer } from '../../testkit/staffAccounts';
import type { CaseState } from '../../workflows/messages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';

jest.setTimeout(120_000);

const ACCOUNTS = {
  'helpline-017': 'helpline-wachtwoord-1',
  'cm-lim': 'cm-lim-wachtwoord-12',
  'cm-gzm': 'cm-gzm-wachtwoord-12',
  'coord-lim': 'coord-lim-wachtwoord-1',
  ops: 'ops-wachtwoord-123',
} as const;
type Account = keyof typeof ACCOUNTS;

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: Object.entries(ACCOUNTS)
        .map(([id, password]) => `${id}:${password}`)
        .join(','),
      OPS_STAFF_IDS: TEST_CONFIG.OPS_STAFF_IDS!,
      STAFF_ROLES: [
        'helpline-017=helpline@alle',
        'cm-lim=casemanager@limburg',
        'cm-gzm=casemanager@gelderland-zuid-midden',
        'coord-lim=coordinator@limburg',
      ].join(','),
    },
  });
});
afterAll(() => h?.stop());

const bearer = (id: Account) => testBearer(id);
const api = (as: Account, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: { authorization: bearer(as) }, ...(payload ? { payload } : {}) });
const decide = (as: Account, reference: string, name: string, body: object) =>
  api(as, 'POST', `/api/meldingen/${reference}/decisions/${name}`, body);
const stateOf = async (reference: string) =>
  (await api('helpline-017', 'GET', `/api/meldingen/${reference}`)).json() as CaseState;

async function until(reference: string, check: (s: CaseState) => boolean): Promise<CaseState> {
  const started = Date.now();
  for (;;) {
    const s = await stateOf(reference);
    if (check(s)) return s;
    if (Date.now() - started > 30_000) throw new Error(`timed out; phase ${s.phase}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Limburg case whose handover cm-lim accepted: in watchful waiting, on a plan. */
let limburg: string;
beforeAll(async () => {
  const { reference: _unused, ...intake } = buildIntake({
    municipality: 'Maastricht',
    wishes: { police: 'nee', medicalCare: 'nee' },
  });
  const res = await api('helpline-017', 'POST', '/api/meldingen', intake);
  expect(res.statusCode).toBe(201);
  limburg = (res.json() as { reference: string }).reference;
  await until(limburg, (s) => s.openRequests.some((r) => r.requestId === 'casemanager_overdracht'));
  const accepted = await decide('cm-lim', limburg, 'ontvangstbevestiging', {
    requestId: 'casemanager_overdracht',
  });
  expect(accepted.statusCode).toBe(200);
  await until(limburg, (s) => s.phase === 'watchful_waiting' && (s.checkInPlan?.length ?? 0) > 0);
});

const inADay = () => new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();

test('the state carries the plan, the contacts, the count of failed attempts and the extension', async () => {
  const s = await stateOf(limburg);
  expect(s.checkInPlan!.map((e) => [e.id, e.status])).toEqual([
    ['checkin-dag-1', 'gepland'],
    ['checkin-dag-7', 'gepland'],
    ['checkin-dag-14', 'gepland'],
    ['checkin-dag-28', 'gepland'],
  ]);
  expect(s).toMatchObject({ contacts: [], failedContacts: 0, extended: false });
});

test('a casemanager of another region: not found for each of the five, and the case is untouched', async () => {
  const before = await stateOf(limburg);
  const bodies: Record<string, object> = {
    contactmoment: { reached: true, outcome: 'gaat_goed' },
    planning: { action: 'toevoegen', at: inADay() },
    verlenging: {},
    ggz_verwijzing: { reason: 'wens_slachtoffer' },
    contactpogingen: { besluit: 'sluiten' },
  };
  for (const [name, body] of Object.entries(bodies)) {
    const res = await decide('cm-gzm', limburg, name, body);
    // A casemanager may not take the coordinator's decision at all: 403 before any case is looked at.
    expect([name, res.statusCode]).toEqual([name, name === 'contactpogingen' ? 403 : 404]);
  }
  expect(await stateOf(limburg)).toEqual(before);
});

test("the decision after failed contacts: 403 for the case's own casemanager; the coordinator and ops may, when it is asked", async () => {
  const before = await stateOf(limburg);
  const refused = await decide('cm-lim', limburg, 'contactpogingen', { besluit: 'sluiten' });
  expect(refused.statusCode).toBe(403);
  expect(refused.json()).toMatchObject({ error: 'forbidden' });
  expect(await stateOf(limburg)).toEqual(before);
  for (const as of ['coord-lim', 'ops'] as const) {
    const notAsked = await decide(as, limburg, 'contactpogingen', { besluit: 'blijven_proberen' });
    expect(notAsked.statusCode).toBe(409);
    expect(notAsked.json().problems[0]).toMatchObject({ field: 'besluit', code: 'rejected' });
  }
});

test('a bad body names its field and changes nothing; the case refuses what does not fit it, naming the field', async () => {
  const before = await stateOf(limburg);
  const noRetry = await decide('cm-lim', limburg, 'contactmoment', { reached: false });
  expect(noRetry.statusCode).toBe(400);
  expect(noRetry.json().problems[0].field).toBe('retryAt');
  const noOutcome = await decide('cm-lim', limburg, 'contactmoment', { reached: true });
  expect(noOutcome.json().problems[0].field).toBe('outcome');
  const badTime = await decide('cm-lim', limburg, 'planning', { action: 'toevoegen', at: 'morgen' });
  expect(badTime.statusCode).toBe(400);
  expect(badTime.json().problems[0].field).toBe('at');
  const badReason = await decide('cm-lim', limburg, 'ggz_verwijzing', { reason: 'boos' });
  expect(badReason.json().problems[0].field).toBe('reason');
  const longNote = await decide('cm-lim', limburg, 'contactmoment', {
    reached: true,
    outcome: 'gaat_goed',
    note: 'x'.repeat(501),
  });
  expect(longNote.json().problems[0].field).toBe('note');

  const unknown = await decide('cm-lim', limburg, 'planning', {
    action: 'annuleren',
    checkInId: 'checkin-dag-99',
  });
  expect(unknown.statusCode).toBe(409);
  expect(unknown.json().problems[0]).toMatchObject({ field: 'checkInId', code: 'rejected' });
  expect(await stateOf(limburg)).toEqual(before);
});

test('the casemanager records a contact and adds a check-in: both in the state, the note never in the history', async () => {
  const contact = await decide('cm-lim', limburg, 'contactmoment', {
    reached: true,
    outcome: 'gaat_goed',
    note: 'Gaat weer naar school',
  });
  expect(contact.statusCode).toBe(200);
  const added = await decide('cm-lim', limburg, 'planning', { action: 'toevoegen', at: inADay() });
  expect(added.statusCode).toBe(200);
  const s = added.json() as CaseState;
  expect(s.contacts).toEqual([
    {
      at: expect.any(String),
      by: 'cm-lim',
      reached: true,
      outcome: 'gaat_goed',
      note: 'Gaat weer naar school',
    },
  ]);
  expect(s.checkInPlan!.map((e) => e.id)).toContain('checkin-extra-1');
  expect(JSON.stringify(s.decisions)).not.toContain('school');
  // How the victim is doing is for those who record contacts: the region's coordinator reads the
  // note; ops and the helpline see that the contact happened, not what was said.
  const read = async (as: Account) =>
    ((await api(as, 'GET', `/api/meldingen/${limburg}`)).json() as CaseState).contacts;
  expect((await read('coord-lim'))![0]!.note).toBe('Gaat weer naar school');
  for (const as of ['ops', 'helpline-017'] as const) {
    expect(await read(as)).toEqual([
      { at: expect.any(String), by: 'cm-lim', reached: true, outcome: 'gaat_goed' },
    ]);
  }
});

test('the OpenAPI document describes the five with their codes', async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const schema = (name: string) =>
    doc.paths[`/api/meldingen/{reference}/decisions/${name}`].post.requestBody.content['application/json']
      .schema;
  expect(schema('contactmoment').properties.outcome.enum).toEqual(['gaat_goed', 'stressreactie']);
  expect(schema('ggz_verwijzing').properties.reason.enum).toEqual([
    'stressreactie',
    'ptss_vermoeden',
    'wens_slachtoffer',
  ]);
  expect(schema('contactpogingen').properties.besluit.enum).toEqual([
    'sluiten',
    'blijven_proberen',
    'andere_route',
  ]);
  expect(JSON.stringify(schema('planning'))).toContain('verplaatsen');
  expect(schema('verlenging').properties).toEqual({});
});
