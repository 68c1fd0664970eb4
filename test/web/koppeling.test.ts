/**
 * The same person again, on a real dev server (its visibility store answers the reverse lookup)
 * with the real melding workflow: a melding linked to an earlier one at intake and later, each
 * shown on both case pages in both languages; a link to another region's case refused as unknown,
 * changing nothing; a closed case reopened within its region's window as a new linked melding in
 * the same region, with the reason and who in its history; after the window no button and a clear
 * refusal. What Temporal holds for a link is the reference, nothing of the person.
 */
import { testBearer, testCode } from '../../testkit/staffAccounts';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { CsgGekoppeld } from '../../workflows/searchAttributes';
import type { CaseState } from '../../workflows/messages';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const DAY = 24 * 3600_000;
const ACCOUNTS = {
  'helpline-017': 'helpline-wachtwoord-1', // the national helpline, every region
  'helpline-lim': 'helpline-lim-wachtwoord', // a helpline desk for Limburg only
  'cm-lim': 'cm-lim-wachtwoord-12', // a casemanager for Limburg
} as const;
type Account = keyof typeof ACCOUNTS;

/** The service's clock runs `shift` ahead of the real one: the reopening window is tested by moving it. */
let shift = 0;
let h: IntakeHarness;
const sessions = new Map<Account, { cookie: string; csrf: string }>();

beforeAll(async () => {
  h = await startIntakeHarness({
    clock: () => new Date(Date.now() + shift),
    config: {
      STAFF_ACCOUNTS: Object.entries(ACCOUNTS)
        .map(([id, password]) => `${id}:${password}`)
        .join(','),
      OPS_STAFF_IDS: TEST_CONFIG.OPS_STAFF_IDS!,
      STAFF_ROLES: 'helpline-017=helpline@alle,helpline-lim=helpline@limburg,cm-lim=casemanager@limburg',
    },
  });
});
afterAll(() => h?.stop());

const bearer = (as: Account) => testBearer(as);
const api = (as: Account, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: { authorization: bearer(as) }, ...(payload ? { payload } : {}) });

async function session(as: Account): Promise<{ cookie: string; csrf: string }> {
  const known = sessions.get(as);
  if (known) return known;
  const login = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      id: as,
      wachtwoord: ACCOUNTS[as],
      code: testCode(as, new Date(Date.now() + shift)),
    }).toString(),
  });
  const cookie = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  const page = await h.app.inject({ method: 'GET', url: '/meldingen/zoeken', headers: { cookie } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error(`no form with a CSRF token for ${as}`);
  sessions.set(as, { cookie, csrf });
  return { cookie, csrf };
}

async function page(as: Account, url: string, lang = 'nl') {
  const { cookie } = await session(as);
  return h.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
}

async function post(as: Account, url: string, fields: Record<string, string>, lang = 'nl') {
  const { cookie, csrf } = await session(as);
  return h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

/** A new melding in `municipality` through the API; its reference. */
async function started(municipality = 'Maastricht', extra: object = {}, as: Account = 'helpline-017') {
  const { reference: _made, ...intake } = buildIntake({ municipality });
  const res = await api(as, 'POST', '/api/meldingen', { ...intake, ...extra });
  expect(res.statusCode).toBe(201);
  return (res.json() as { reference: string }).reference;
}

const stateOf = async (reference: string) =>
  (await api('helpline-017', 'GET', `/api/meldingen/${reference}`)).json() as CaseState;

/** Visibility follows a start or an upsert within moments: wait for the page to show it. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`never happened: ${what}`);
}

const laterOn = async (as: Account, reference: string, later: string, lang = 'nl') =>
  /id="later-gekoppeld"[\s\S]*?<\/dd>/
    .exec((await page(as, `/meldingen/${reference}`, lang)).body)?.[0]
    ?.includes(later) ?? false;

test('a melding linked at intake shows the earlier one; the earlier page finds it, in both languages', async () => {
  const earlier = await started();
  const later = await started('Maastricht', { linkedTo: earlier.toLowerCase() });

  const state = await stateOf(later);
  expect(state.linkedTo).toEqual([earlier]);
  expect(state.decisions).toContainEqual(expect.objectContaining({ type: 'koppeling', value: earlier }));
  // What Temporal's visibility holds for the link: the reference, and nothing else.
  const described = await h.client.workflow.getHandle(later).describe();
  expect(described.typedSearchAttributes.get(CsgGekoppeld)).toEqual([earlier]);

  const laterPage = await page('cm-lim', `/meldingen/${later}`);
  expect(laterPage.body).toMatch(new RegExp(`id="gekoppeld-aan"[\\s\\S]*href="/meldingen/${earlier}"`));
  expect(laterPage.body).toContain('Gekoppeld aan eerdere melding');
  await eventually(() => laterOn('cm-lim', earlier, later), 'the earlier page lists the later melding');
  const en = await page('cm-lim', `/meldingen/${earlier}`, 'en-GB');
  expect(en.body).toContain('Later meldingen linked to this one');
  expect(en.body).toContain(later);
});

test('a running case linked later on its page; the link is in its history and on the earlier page', async () => {
  const earlier = await started();
  const later = await started();
  const form = await page('cm-lim', `/meldingen/${later}`);
  expect(form.body).toContain('id="koppelen"');

  // The confirmation says what will happen and changes nothing; its form carries the reference on.
  const check = await post('cm-lim', `/meldingen/${later}/koppelen/controleren`, { reference: earlier });
  expect(check.statusCode).toBe(200);
  expect(check.body).toContain(`wordt gekoppeld aan de eerdere melding ${earlier}`);
  expect(check.body).toContain(`action="/meldingen/${later}/koppelen"`);
  expect((await stateOf(later)).linkedTo).toBeUndefined();

  const linked = await post('cm-lim', `/meldingen/${later}/koppelen`, { reference: ` ${earlier} ` });
  expect(linked.statusCode).toBe(303);
  expect(linked.headers.location).toBe(`/meldingen/${later}#koppelingen`);
  const state = await stateOf(later);
  expect(state.linkedTo).toEqual([earlier]);
  expect(state.decisions).toContainEqual(
    expect.objectContaining({ type: 'koppeling', value: earlier, by: 'cm-lim' }),
  );
  await eventually(() => laterOn('cm-lim', earlier, later), 'the earlier page lists the later link');

  // The same link again, or the case to itself: a clear refusal, nothing changes.
  const again = await post('cm-lim', `/meldingen/${later}/koppelen`, { reference: earlier }, 'en-GB');
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain(`This melding is already linked to ${earlier}`);
  const self = await post('cm-lim', `/meldingen/${later}/koppelen`, { reference: later });
  expect(self.statusCode).toBe(400);
  expect(self.body).toContain('niet aan zichzelf');
  expect((await stateOf(later)).linkedTo).toEqual([earlier]);
});

test("another region's case cannot be linked: it reads as unknown, at intake and later", async () => {
  const elsewhere = await started('Nijmegen');
  const own = await started();
  const before = await stateOf(own);

  const linked = await post('cm-lim', `/meldingen/${own}/koppelen`, { reference: elsewhere });
  expect(linked.statusCode).toBe(409);
  expect(linked.body).toContain(`Er is geen melding ${elsewhere} die u mag zien`);
  const unknown = await post('cm-lim', `/meldingen/${own}/koppelen`, { reference: 'CSG-LIM-2026-999990' });
  expect(unknown.statusCode).toBe(409);
  expect(await stateOf(own)).toEqual(before);

  const { reference: _made, ...intake } = buildIntake({ municipality: 'Maastricht' });
  const atIntake = await api('helpline-lim', 'POST', '/api/meldingen', { ...intake, linkedTo: elsewhere });
  expect(atIntake.statusCode).toBe(400);
  expect(JSON.stringify(atIntake.json())).toContain('linkedTo');
});

test('a closed case is reopened within the window as a new linked melding; after it, a clear refusal', async () => {
  const closed = await started();
  const withdrawn = await api('helpline-017', 'POST', `/api/meldingen/${closed}/decisions/intrekking`, {});
  expect(withdrawn.statusCode).toBe(200);
  await h.client.workflow.getHandle(closed).result();

  // The reopen button is the region's casework: the helpline sees none and is refused a post.
  expect((await page('helpline-017', `/meldingen/${closed}`)).body).not.toContain('id="heropenen"');
  expect(
    (await post('helpline-017', `/meldingen/${closed}/heropenen`, { reason: 'anders' })).statusCode,
  ).toBe(403);
  const offered = await page('cm-lim', `/meldingen/${closed}`);
  expect(offered.body).toContain('id="heropenen"');
  expect(offered.body).toContain('90 dagen na het afsluiten');
  expect((await post('cm-lim', `/meldingen/${closed}/heropenen`, { reason: 'zomaar' })).statusCode).toBe(400);

  const check = await post(
    'cm-lim',
    `/meldingen/${closed}/heropenen/controleren`,
    { reason: 'nieuwe_klachten' },
    'en-GB',
  );
  expect(check.statusCode).toBe(200);
  expect(check.body).toContain('A new melding starts in');
  expect(check.body).toContain('Reason: New complaints');
  expect(check.body).toContain(`action="/meldingen/${closed}/heropenen"`);

  const reopened = await post('cm-lim', `/meldingen/${closed}/heropenen`, { reason: 'nieuwe_klachten' });
  expect(reopened.statusCode).toBe(303);
  const fresh = /^\/meldingen\/(CSG-LIM-\d{4}-\d{6})$/.exec(String(reopened.headers.location))?.[1];
  expect(fresh).toBeDefined();
  const state = await stateOf(fresh!);
  expect(state.regionId).toBe('limburg');
  expect(state.reopening).toEqual({ from: closed, reason: 'nieuwe_klachten', by: 'cm-lim' });
  expect(state.linkedTo).toEqual([closed]);
  expect(state.decisions).toContainEqual(
    expect.objectContaining({ type: 'heropening', by: 'cm-lim', value: `${closed}; nieuwe_klachten` }),
  );
  const freshPage = await page('cm-lim', `/meldingen/${fresh!}`, 'en-GB');
  expect(freshPage.body).toMatch(new RegExp(`id="heropend-vanuit"[\\s\\S]*${closed}`));
  await eventually(() => laterOn('cm-lim', closed, fresh!), 'the closed page lists its reopening');
  // A second reopening while the first still runs is refused and names the one to go on with.
  const twice = await post('cm-lim', `/meldingen/${closed}/heropenen`, { reason: 'anders' }, 'en-GB');
  expect(twice.statusCode).toBe(409);
  expect(twice.body).toContain(`already reopened as ${fresh!}, which is still running`);

  shift = 91 * DAY;
  sessions.clear(); // the sessions expired in those 91 days: sign in again
  try {
    const late = await page('cm-lim', `/meldingen/${closed}`);
    expect(late.body).not.toContain('id="heropenen"');
    expect(late.body).toContain('id="heropenen-verlopen"');
    const refused = await post('cm-lim', `/meldingen/${closed}/heropenen`, { reason: 'anders' }, 'en-GB');
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('it could be reopened until');
  } finally {
    shift = 0;
    sessions.clear();
  }
});

test('the intake form links an earlier melding; one outside the regions is named at its field', async () => {
  const earlier = await started();
  const elsewhere = await started('Nijmegen');
  const { cookie } = await session('helpline-lim');
  const submit = async (gekoppeld: string, lang: string) => {
    const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
    const hidden = (name: string) => new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(form.body)![1]!;
    return h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: hidden('_csrf'),
        volgnummer: hidden('volgnummer'),
        ontvangen: hidden('ontvangen'),
        kanaal: 'telefoon',
        beller: 'slachtoffer',
        tijdsoort: 'onbekend',
        leeftijdsgroep: '18+',
        gemeente: 'Venlo',
        politie: 'twijfel',
        medisch: 'nee',
        gekoppeld,
      }).toString(),
    });
  };
  const refused = await submit(elsewhere, 'en-GB');
  expect(refused.statusCode).toBe(400);
  expect(refused.body).toContain('Enter the reference of a melding in your regions');
  expect(refused.body).toContain(`value="${elsewhere}"`);

  const res = await submit(earlier, 'nl');
  expect(res.statusCode).toBe(201);
  const reference = /id="referentie">([^<]+)</.exec(res.body)![1]!;
  expect((await stateOf(reference)).linkedTo).toEqual([earlier]);
});
