/**
 * Roles and regions through the JSON API, the staff form and the ops pages, on a real dev server
 * with the real workflow: a case in another region answers 404 exactly like a case that does not
 * exist, an action the role may not take answers 403, and after either refusal the case's state
 * is what it was before. One account per role, as STAFF_ROLES gives them.
 */
import { testBearer } from '../../testkit/staffAccounts';
import { testCode } from '../../testkit/staffAccounts';
import { runCli } from '../../cli/main';
import { staffDirectory } from '../../config/staffRoles';
import { REGIONS } from '../../regions';
import type { CaseState } from '../../workflows/messages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

const ACCOUNTS = {
  helpline: 'helpline-wachtwoord-1', // helpline-017: the national helpline, every region
  'helpline-lim': 'helpline-lim-wachtwoord', // a helpline desk for Limburg only
  'cm-lim': 'cm-lim-wachtwoord-12',
  'coord-gzm': 'coord-gzm-wachtwoord-1',
  ops: 'ops-wachtwoord-123',
} as const;
type Account = keyof typeof ACCOUNTS;

const bearer = (id: Account) => testBearer(id === 'helpline' ? 'helpline-017' : id);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: [
        'helpline-017:helpline-wachtwoord-1',
        'helpline-lim:helpline-lim-wachtwoord',
        'cm-lim:cm-lim-wachtwoord-12',
        'coord-gzm:coord-gzm-wachtwoord-1',
        'ops:ops-wachtwoord-123',
      ].join(','),
      OPS_STAFF_IDS: TEST_CONFIG.OPS_STAFF_IDS!,
      STAFF_ROLES: [
        'helpline-017=helpline@alle',
        'helpline-lim=helpline@limburg',
        'cm-lim=casemanager@limburg',
        'coord-gzm=coordinator@gelderland-zuid-midden',
      ].join(','),
    },
  });
});
afterAll(() => h?.stop());

const api = (as: Account, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: { authorization: bearer(as) }, ...(payload ? { payload } : {}) });

/** A new melding in `municipality`, started by the national helpline; its reference. */
async function started(municipality: string, as: Account = 'helpline'): Promise<string> {
  const { reference: _made, ...intake } = buildIntake({ municipality });
  const res = await api(as, 'POST', '/api/meldingen', intake);
  expect(res.statusCode).toBe(201);
  return (res.json() as { reference: string }).reference;
}

/** The case's state as the national helpline (every region) reads it. */
const stateOf = async (reference: string) =>
  (await api('helpline', 'GET', `/api/meldingen/${reference}`)).json() as CaseState;

let limburg: string;
let gelderland: string;
beforeAll(async () => {
  limburg = await started('Maastricht');
  gelderland = await started('Nijmegen');
});

test('the national helpline starts in both regions; a Limburg desk only in Limburg', async () => {
  expect(limburg).toMatch(/^CSG-LIM-/);
  expect(gelderland).toMatch(/^CSG-GZM-/);
  expect((await stateOf(limburg)).regionId).toBe('limburg');
  expect((await stateOf(gelderland)).regionId).toBe('gelderland-zuid-midden');

  expect(await started('Venlo', 'helpline-lim')).toMatch(/^CSG-LIM-/);
  const { reference, ...outside } = buildIntake({ municipality: 'Nijmegen' });
  const refused = await api('helpline-lim', 'POST', '/api/meldingen', { ...outside, reference });
  expect(refused.statusCode).toBe(403);
  expect(refused.json()).toMatchObject({ error: 'forbidden' });
  // Nothing started under that reference.
  expect((await api('helpline', 'GET', `/api/meldingen/${reference}`)).statusCode).toBe(404);
});

test("a casemanager of Limburg: another region's case is not found, exactly like no case at all", async () => {
  const own = await api('cm-lim', 'GET', `/api/meldingen/${limburg}`);
  expect(own.statusCode).toBe(200);
  expect((own.json() as CaseState).regionId).toBe('limburg');

  const elsewhere = await api('cm-lim', 'GET', `/api/meldingen/${gelderland}`);
  const nowhere = await api('cm-lim', 'GET', '/api/meldingen/CSG-GZM-2026-999991');
  expect(elsewhere.statusCode).toBe(404);
  expect(elsewhere.json()).toEqual(nowhere.json());

  // A decision on it: the same "not found", and the case is untouched.
  const before = await stateOf(gelderland);
  const decided = await api('cm-lim', 'POST', `/api/meldingen/${gelderland}/decisions/politiewens`, {
    wish: 'nee',
  });
  expect(decided.statusCode).toBe(404);
  expect(await stateOf(gelderland)).toEqual(before);
});

test('a casemanager may decide in their region, but not transfer or close: 403, and nothing changed', async () => {
  const wish = await api('cm-lim', 'POST', `/api/meldingen/${limburg}/decisions/politiewens`, {
    wish: 'twijfel',
  });
  expect(wish.statusCode).toBe(200);
  expect(((await wish.json()) as CaseState).decisions).toEqual(
    expect.arrayContaining([expect.objectContaining({ type: 'politie_wens', by: 'cm-lim' })]),
  );

  const before = await stateOf(limburg);
  const transfer = await api('cm-lim', 'POST', `/api/meldingen/${limburg}/decisions/overdracht`, {
    toRegionId: 'gelderland-zuid-midden',
  });
  expect(transfer.statusCode).toBe(403);
  expect(transfer.json()).toMatchObject({
    error: 'forbidden',
    message: expect.stringContaining('casemanager'),
  });
  const close = await api('cm-lim', 'POST', `/api/ops/meldingen/${limburg}/sluiting`, {
    reason: 'dubbele_melding',
  });
  expect(close.statusCode).toBe(403);
  const start = await api('cm-lim', 'POST', '/api/meldingen', buildIntake());
  expect(start.statusCode).toBe(403);
  expect(await stateOf(limburg)).toEqual(before);
});

test('a coordinator of Gelderland-Zuid en -Midden decides there and does not see Limburg', async () => {
  const own = await api('coord-gzm', 'POST', `/api/meldingen/${gelderland}/decisions/politiewens`, {
    wish: 'twijfel',
  });
  expect(own.statusCode).toBe(200);
  expect((await api('coord-gzm', 'GET', `/api/meldingen/${limburg}`)).statusCode).toBe(404);
});

test('the helpline records what the victim says, but not a casemanager acknowledgement', async () => {
  const before = await stateOf(limburg);
  const ack = await api('helpline', 'POST', `/api/meldingen/${limburg}/decisions/ontvangstbevestiging`, {
    requestId: 'casemanager_overdracht',
  });
  expect(ack.statusCode).toBe(403);
  expect(await stateOf(limburg)).toEqual(before);
});

test('ops read the state and use the ops pages; they record no decisions; the helpline gets 403 there', async () => {
  expect((await api('ops', 'GET', `/api/meldingen/${gelderland}`)).statusCode).toBe(200);
  const before = await stateOf(gelderland);
  const wish = await api('ops', 'POST', `/api/meldingen/${gelderland}/decisions/politiewens`, {
    wish: 'nee',
  });
  expect(wish.statusCode).toBe(403);
  expect(await stateOf(gelderland)).toEqual(before);

  const cookieOf = async (id: string, password: string) => {
    const res = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ id, wachtwoord: password, code: testCode(id) }).toString(),
    });
    return String(res.headers['set-cookie']).split(';')[0]!;
  };
  const ops = await cookieOf('ops', ACCOUNTS.ops);
  expect((await h.app.inject({ method: 'GET', url: '/ops', headers: { cookie: ops } })).statusCode).toBe(200);
  const opsCase = await h.app.inject({
    method: 'GET',
    url: `/ops/meldingen/${limburg}`,
    headers: { cookie: ops },
  });
  expect(opsCase.statusCode).toBe(200);
  expect(opsCase.body).toContain(limburg);
  // The intake form is not theirs: ops land on their own pages.
  const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: ops } });
  expect(form.statusCode).toBe(303);
  expect(form.headers.location).toBe('/ops');

  const helpline = await cookieOf('helpline-017', ACCOUNTS.helpline);
  for (const url of ['/ops', `/ops/meldingen/${limburg}`]) {
    expect((await h.app.inject({ method: 'GET', url, headers: { cookie: helpline } })).statusCode).toBe(403);
  }
  expect((await api('helpline', 'GET', `/api/ops/meldingen/${limburg}/geschiedenis`)).statusCode).toBe(403);

  // A casemanager has no intake form: like ops, they go on to their own start page, the worklist.
  const cm = await cookieOf('cm-lim', ACCOUNTS['cm-lim']);
  const cmForm = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: cm } });
  expect(cmForm.statusCode).toBe(303);
  expect(cmForm.headers.location).toBe('/mijn-casussen');
  // A coordinator has neither: 403 in their language, not the form.
  const coord = await cookieOf('coord-gzm', ACCOUNTS['coord-gzm']);
  const coordForm = await h.app.inject({
    method: 'GET',
    url: '/meldingen/nieuw',
    headers: { cookie: coord },
  });
  expect(coordForm.statusCode).toBe(403);
  expect(coordForm.body).toContain('coördinator');
});

test("the intake form offers a regional helpline desk only its own region's municipalities", async () => {
  const res = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      id: 'helpline-lim',
      wachtwoord: ACCOUNTS['helpline-lim'],
      code: testCode('helpline-lim'),
    }).toString(),
  });
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('Maastricht');
  expect(form.body).not.toContain('Nijmegen');
});

describe('the command line with STAFF_ROLES: the same rules, by --door', () => {
  const staffRoles = staffDirectory({
    staffRoles: 'helpline-017=helpline@alle,cm-lim=casemanager@limburg',
    opsStaffIds: 'ops',
    regionIds: [...REGIONS.keys()],
  });
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      client: h.client,
      taskQueue: h.taskQueue,
      now: () => new Date(),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      opsStaffIds: new Set(['ops']),
      staffRoles,
    });
    return { code, text: [...out, ...err].join('\n') };
  }

  test("another region's case is not found; an action the role may not take is refused; an unknown id may do nothing", async () => {
    expect(await cli('status', limburg, '--door', 'cm-lim')).toMatchObject({ code: 0 });
    expect(await cli('status', gelderland, '--door', 'cm-lim')).toEqual({
      code: 1,
      text: `Geen melding ${gelderland}`,
    });

    const before = await stateOf(limburg);
    const close = await cli('close', limburg, 'dubbele_melding', '--door', 'cm-lim');
    expect(close.code).toBe(1);
    expect(close.text).toContain('cm-lim (rol casemanager) mag dit niet');
    const stuck = await cli('stuck', '--door', 'helpline-017');
    expect(stuck.code).toBe(1);
    const stranger = await cli('status', limburg, '--door', 'onbekend');
    expect(stranger).toEqual({
      code: 1,
      text: 'Geweigerd: onbekend heeft geen rol (STAFF_ROLES); geef je medewerker-id met --door <id>',
    });
    expect(await stateOf(limburg)).toEqual(before);

    expect((await cli('stuck', '--door', 'ops')).code).toBe(0);
  });
});
