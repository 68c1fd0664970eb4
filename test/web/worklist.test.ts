/**
 * The casemanager's worklist ("mijn casussen") on a real dev server with the real melding
 * workflow: each casemanager who acknowledged a handover through the API sees exactly their own
 * running cases, in their own regions; by the next due contact, the overdue first; the requests
 * waiting on partners; the JSON's shape; the page in both languages, where a casemanager's login
 * lands; and a 403 for the roles without a worklist.
 *
 * The service's clock runs five hours ahead of the workflow's, so a check-in planned four hours
 * from the real now is overdue for the worklist without waiting for it.
 */
import { testBearer, testCode } from '../../testkit/staffAccounts';
import { decide } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { listOwned, type Worklist } from '../../cases/worklist';
import type { CaseState } from '../../workflows/messages';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const AHEAD_MS = 5 * 3600_000;
const HOUR_MS = 3600_000;

const ACCOUNTS = {
  'cm-017': 'casemanager-wachtwoord-1', // a casemanager for every region (TEST_CONFIG)
  'cm-lim': 'cm-lim-wachtwoord-12', // a casemanager for Limburg only
  'cm-utr': 'cm-utr-wachtwoord-12', // a casemanager for Utrecht, without cases
  'coord-lim': 'coord-lim-wachtwoord-1',
  ops: 'ops-wachtwoord-123',
  'helpline-017': 'helpline-wachtwoord-1',
} as const;
type Account = keyof typeof ACCOUNTS;
const bearer = (id: Account) => testBearer(id);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({
    clock: () => new Date(Date.now() + AHEAD_MS),
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},cm-lim:${ACCOUNTS['cm-lim']},cm-utr:${ACCOUNTS['cm-utr']},coord-lim:${ACCOUNTS['coord-lim']}`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},cm-lim=casemanager@limburg,cm-utr=casemanager@utrecht,coord-lim=coordinator@limburg`,
    },
  });
});
afterAll(() => h?.stop());

const api = (as: Account, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: { authorization: bearer(as) }, ...(payload ? { payload } : {}) });

const stateOf = async (reference: string) =>
  (await api('helpline-017', 'GET', `/api/meldingen/${reference}`)).json() as CaseState;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A melding started by the helpline through the API, received `hoursAgo` ago; its reference once the handover is asked. */
async function started(
  municipality: string,
  options: { hoursAgo?: number; police?: 'ja' | 'nee' } = {},
): Promise<string> {
  const receivedAt = new Date(Date.now() - (options.hoursAgo ?? 0) * HOUR_MS).toISOString();
  const { reference: _made, ...intake } = buildIntake({
    municipality,
    receivedAt,
    wishes: { police: options.police ?? 'nee', medicalCare: 'nee' },
  });
  const res = await api('helpline-017', 'POST', '/api/meldingen', intake);
  expect(res.statusCode).toBe(201);
  const { reference } = res.json() as { reference: string };
  await until(
    async () => (await stateOf(reference)).openRequests.some((r) => r.kind === 'casemanager_overdracht'),
    `the handover of ${reference}`,
  );
  return reference;
}

/** The casemanager acknowledges the handover through the API: the case becomes theirs. */
async function acknowledge(reference: string, as: Account): Promise<void> {
  const res = await api(as, 'POST', `/api/meldingen/${reference}/decisions/ontvangstbevestiging`, {
    requestId: 'casemanager_overdracht',
  });
  expect(res.statusCode).toBe(200);
  expect((await stateOf(reference)).casemanager).toBe(as);
}

const worklistOf = async (as: Account) => {
  const res = await api(as, 'GET', '/api/mijn-casussen');
  expect(res.statusCode).toBe(200);
  return res.json() as Worklist;
};

const references = (w: Worklist) => w.cases.map((c) => c.reference);

let soon: string; // cm-017's, its first check-in four hours from now: overdue by the service's clock
let tomorrow: string; // cm-017's, received now: its first check-in a day from now
let police: string; // cm-017's, waiting on the zedenpolitie
let limburg: string; // cm-lim's
let elsewhere: string; // owned by cm-lim, but in Gelderland-Zuid-Midden, outside cm-lim's region

beforeAll(async () => {
  tomorrow = await started('Maastricht');
  soon = await started('Heerlen', { hoursAgo: 20 });
  police = await started('Venlo', { police: 'ja' });
  limburg = await started('Maastricht');
  elsewhere = await started('Nijmegen');
  // Acknowledged out of the worklist's order, so the order is the worklist's own.
  await acknowledge(tomorrow, 'cm-017');
  await acknowledge(police, 'cm-017');
  await acknowledge(soon, 'cm-017');
  await acknowledge(limburg, 'cm-lim');
  // cm-lim could not acknowledge a case outside Limburg through the API (404): recorded directly,
  // as an owner the directory named before their region changed.
  await decide(h.client, elsewhere, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
  });
  // Visibility follows the owner a moment later.
  await until(async () => (await worklistOf('cm-017')).cases.length >= 3, "cm-017's cases");
  // Both of cm-lim's, so the region (not a slow index) is what leaves the Nijmegen case out.
  await until(async () => {
    const owned = (await listOwned(h.client, 'cm-lim')).references;
    return owned.includes(limburg) && owned.includes(elsewhere);
  }, "cm-lim's cases");
});

test('each casemanager sees only their own cases; one outside their regions is not shown', async () => {
  expect(references(await worklistOf('cm-lim'))).toEqual([limburg]);
  const mine = references(await worklistOf('cm-017'));
  expect(mine.sort()).toEqual([soon, tomorrow, police].sort());
  expect((await worklistOf('cm-utr')).cases).toEqual([]);
  // The case outside cm-lim's region is theirs all the same: the region left it out.
  expect((await stateOf(elsewhere)).casemanager).toBe('cm-lim');
});

test('by the next due contact, the overdue first; the JSON names what is due and what waits on partners', async () => {
  const list = await worklistOf('cm-017');
  expect(list.capped).toBe(false);
  const order = references(list);
  expect(order.indexOf(soon)).toBeLessThan(order.indexOf(tomorrow));
  const first = list.cases.find((c) => c.reference === soon)!;
  expect(first).toEqual({
    reference: soon,
    regionId: 'limburg',
    phase: 'watchful_waiting',
    nextContact: {
      at: expect.any(String),
      source: 'gepland',
      number: 1,
      of: 4,
      screening: false,
      urgency: 'te_laat',
    },
    waitingOnPartners: [],
  });
  expect(list.cases.find((c) => c.reference === tomorrow)!.nextContact?.urgency).not.toBe('te_laat');
  const waiting = list.cases.find((c) => c.reference === police)!.waitingOnPartners;
  expect(waiting).toContainEqual({
    requestId: expect.any(String),
    kind: 'informatief_gesprek',
    role: 'zedenpolitie',
    dueBy: expect.any(String),
    overdue: expect.any(Boolean),
  });
});

test("a coordinator sees a casemanager's cases in the coordinator's region; nobody else sees another's", async () => {
  const res = await api('coord-lim', 'GET', '/api/mijn-casussen?casemanager=cm-017');
  expect(res.statusCode).toBe(200);
  expect(references(res.json() as Worklist).sort()).toEqual([soon, tomorrow, police].sort());
  // cm-lim's case in Gelderland-Zuid-Midden lies outside the Limburg coordinator's region.
  const limOnly = await api('coord-lim', 'GET', '/api/mijn-casussen?casemanager=cm-lim');
  expect(references(limOnly.json() as Worklist)).toEqual([limburg]);
  for (const as of ['cm-017', 'ops'] as const) {
    expect((await api(as, 'GET', '/api/mijn-casussen?casemanager=cm-lim')).statusCode).toBe(403);
  }
  const bad = await api(
    'coord-lim',
    'GET',
    `/api/mijn-casussen?casemanager=${encodeURIComponent("x' OR 'a'='a")}`,
  );
  expect(bad.statusCode).toBe(400);
  expect(bad.json()).toMatchObject({ error: 'invalid_query', problems: [{ field: 'casemanager' }] });
});

test('a coordinator and ops have no worklist: 403, in words', async () => {
  for (const as of ['coord-lim', 'ops', 'helpline-017'] as const) {
    const res = await api(as, 'GET', '/api/mijn-casussen');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden' });
  }
});

async function loginCookie(id: Account): Promise<{ cookie: string; landing: string }> {
  const login = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      id,
      wachtwoord: ACCOUNTS[id],
      code: testCode(id, new Date(Date.now() + AHEAD_MS)),
    }).toString(),
  });
  expect(login.statusCode).toBe(303);
  const cookie = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  // Where the login leads by default, followed as a browser would.
  let url = login.headers.location as string;
  for (let i = 0; i < 3; i++) {
    const res = await h.app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 303) break;
    url = res.headers.location as string;
  }
  return { cookie, landing: url };
}

const page = (cookie: string, lang: 'nl' | 'en') =>
  h.app.inject({ method: 'GET', url: '/mijn-casussen', headers: { cookie, 'accept-language': lang } });

/** The table with this id, or the sentence standing in for it. */
/** A link to `href` with its text, whatever classes the page style gives it. */
const link = (href: string, text: string) =>
  new RegExp(`<a [^>]*href="${href}"[^>]*>\\s*${text}\\s*</a\\s*>`);

const part = (body: string, id: string) =>
  new RegExp(`<(table|p)[^>]*id="${id}"[\\s\\S]*?</\\1>`).exec(body)?.[0] ?? '';

test("a casemanager's login lands on the worklist; each row links to its case page, in Dutch and English", async () => {
  const { cookie, landing } = await loginCookie('cm-017');
  expect(landing).toBe('/mijn-casussen');

  const nl = await page(cookie, 'nl');
  expect(nl.statusCode).toBe(200);
  expect(nl.body).toMatch(/<h1 [^>]*id="titel" tabindex="-1" autofocus>Mijn casussen<\/h1>/);
  const today = part(nl.body, 'vandaag');
  expect(today).toMatch(link(`/meldingen/${soon}`, soon));
  expect(today).toContain('te laat');
  expect(today).not.toContain(police);
  const mine = part(nl.body, 'mijn-meldingen');
  expect(mine).toMatch(/<caption[ >]/);
  expect(mine.indexOf(soon)).toBeLessThan(mine.indexOf(tomorrow));
  expect(mine).toContain(`id="melding-${police}" href="/meldingen/${police}"`);
  expect(part(nl.body, 'wacht-op-partners')).toMatch(link(`/meldingen/${police}`, police));
  expect(nl.body).toMatch(link('/mijn-casussen', 'Mijn casussen'));

  const en = await page(cookie, 'en');
  expect(en.body).toContain('>My cases</h1>');
  expect(en.body).toMatch(/<h2[^>]*>Today and overdue<\/h2>/);
  expect(en.body).toMatch(/<h2[^>]*>Waiting on partners<\/h2>/);
  expect(part(en.body, 'vandaag')).toContain('overdue');

  // The case page leads back to the worklist.
  const casePage = await h.app.inject({ method: 'GET', url: `/meldingen/${police}`, headers: { cookie } });
  expect(casePage.body).toMatch(/<a [^>]*href="\/mijn-casussen"/);
});

test('an empty worklist says so in words', async () => {
  const { cookie } = await loginCookie('cm-utr');
  const nl = await page(cookie, 'nl');
  expect(part(nl.body, 'mijn-meldingen')).toContain('U heeft geen lopende meldingen.');
  expect(part(nl.body, 'vandaag')).toContain('Er is vandaag geen contactmoment en er is er geen te laat.');
  expect(part(nl.body, 'wacht-op-partners')).toContain('Geen van uw meldingen wacht op een partner.');
  const en = await page(cookie, 'en');
  expect(part(en.body, 'mijn-meldingen')).toContain('You have no running meldingen.');
});

test('a coordinator gets a page that says the worklist is for casemanagers; ops keep their own start', async () => {
  const { cookie } = await loginCookie('coord-lim');
  const res = await page(cookie, 'nl');
  expect(res.statusCode).toBe(403);
  expect(res.body).toContain('Alleen voor casemanagers');
  expect(res.body).toContain('Uw rol (coördinator) heeft geen eigen meldingen.');
  expect((await loginCookie('ops')).landing).toBe('/ops');
  // The coordinator's view of one casemanager: the same tables, named for them.
  const theirs = await h.app.inject({
    method: 'GET',
    url: '/mijn-casussen?casemanager=cm-lim',
    headers: { cookie, 'accept-language': 'nl' },
  });
  expect(theirs.statusCode).toBe(200);
  expect(theirs.body).toContain('>Casussen van cm-lim</h1>');
  expect(part(theirs.body, 'mijn-meldingen')).toContain(`href="/meldingen/${limburg}"`);
  expect((await loginCookie('helpline-017')).landing).toBe('/meldingen/nieuw');
});
