/**
 * A case transferred to another region, on a real dev server (its visibility store answers the
 * lists) with the real melding workflow: after a municipality correction to another region the
 * receiving region's coordinator reads the case through the API and on the case page (which says,
 * in both languages, that it is being handed to that region), finds it again by the victim's phone
 * number (API and find page), has it in the region's stuck list, sees it among the later links of
 * an earlier case of theirs, and takes it over; the old region's staff keep reading it. A case of
 * the old region that was not transferred stays "not found" to the receiving region, however the
 * lists are asked.
 */
import { testBearer, testCode } from '../../testkit/staffAccounts';
import { randomInt } from 'node:crypto';
import type { FoundMelding } from '../../cases/find';
import { listStuck } from '../../cases/stuck';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import type { CaseState } from '../../workflows/messages';
import { FIND_PAGE } from '../../web/findPages';
import { CsgOvergedragenNaar } from '../../workflows/searchAttributes';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const GZM = 'gelderland-zuid-midden';
const ACCOUNTS = {
  'helpline-017': 'helpline-wachtwoord-1', // the national helpline, every region
  'cm-lim': 'cm-lim-wachtwoord-12', // a casemanager for Limburg: the old region
  'coord-gzm': 'coord-gzm-wachtwoord-1', // the coordinator of the receiving region
} as const;
type Account = keyof typeof ACCOUNTS;

let h: IntakeHarness;
const sessions = new Map<Account, { cookie: string; csrf: string }>();

beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: Object.entries(ACCOUNTS)
        .map(([id, password]) => `${id}:${password}`)
        .join(','),
      OPS_STAFF_IDS: TEST_CONFIG.OPS_STAFF_IDS!,
      STAFF_ROLES: `helpline-017=helpline@alle,cm-lim=casemanager@limburg,coord-gzm=coordinator@${GZM}`,
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
    payload: new URLSearchParams({ id: as, wachtwoord: ACCOUNTS[as], code: testCode(as) }).toString(),
  });
  const cookie = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  const findPage = await h.app.inject({ method: 'GET', url: FIND_PAGE, headers: { cookie } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(findPage.body)?.[1];
  if (!csrf) throw new Error(`no form with a CSRF token for ${as}`);
  sessions.set(as, { cookie, csrf });
  return { cookie, csrf };
}

async function page(as: Account, url: string, lang = 'nl') {
  const { cookie } = await session(as);
  return h.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
}

/** The staff find page, searched by phone number. */
async function findPageBy(as: Account, phone: string, lang = 'nl') {
  const { cookie, csrf } = await session(as);
  return h.app.inject({
    method: 'POST',
    url: FIND_PAGE,
    headers: { cookie, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, telefoon: phone }).toString(),
  });
}

/** A Dutch mobile number no other case of this run has. */
const freshMobile = () => `06${String(randomInt(10_000_000, 100_000_000))}`;

/** A new melding through the API, started by the national helpline; its reference. */
async function started(municipality: string, phone: string, extra: object = {}): Promise<string> {
  const { reference: _made, ...intake } = buildIntake({ municipality, victimContact: { phone } });
  const res = await api('helpline-017', 'POST', '/api/meldingen', { ...intake, ...extra });
  expect(res.statusCode).toBe(201);
  return (res.json() as { reference: string }).reference;
}

const read = (as: Account, reference: string) => api(as, 'GET', `/api/meldingen/${reference}`);
const found = async (as: Account, phone: string) => {
  const res = await api(as, 'GET', `/api/meldingen?telefoon=${phone}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { meldingen: FoundMelding[] }).meldingen;
};

/** The workflow and visibility follow within moments: ask until `check` holds (or give up). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`never happened: ${what}`);
}

test("after a municipality correction to another region, that region's coordinator reads, finds and takes over the case; the old region still reads it", async () => {
  const phone = freshMobile();
  const reference = await started('Maastricht', phone);
  // Another Limburg case of the same person, never transferred: it stays out of the new region's sight.
  const stays = await started('Venlo', phone);
  await eventually(
    async () => ((await read('helpline-017', reference)).json() as CaseState).openRequests.length > 0,
    'the case asks its first partners',
  );
  expect((await read('coord-gzm', reference)).statusCode).toBe(404);

  const corrected = await api('cm-lim', 'POST', `/api/meldingen/${reference}/decisions/gemeente`, {
    municipality: 'Nijmegen',
    reason: 'invoerfout',
  });
  expect(corrected.statusCode).toBe(200);
  expect(corrected.json()).toMatchObject({ regionId: 'limburg', transferredTo: GZM });

  // The JSON API: the receiving region's coordinator and the old region's casemanager both read it.
  const asCoordinator = await read('coord-gzm', reference);
  expect(asCoordinator.statusCode).toBe(200);
  expect(asCoordinator.json()).toMatchObject({ reference, regionId: 'limburg', transferredTo: GZM });
  expect((await read('cm-lim', reference)).statusCode).toBe(200);
  expect((await read('coord-gzm', stays)).statusCode).toBe(404);

  // The case page says plainly where the case is going, in both languages.
  const nl = await page('coord-gzm', `/meldingen/${reference}`);
  expect(nl.statusCode).toBe(200);
  expect(nl.body).toMatch(
    /id="overgedragen-naar">\s*Deze melding wordt overgedragen aan CSG Gelderland-Zuid en -Midden\./,
  );
  const en = await page('cm-lim', `/meldingen/${reference}`, 'en-GB');
  expect(en.statusCode).toBe(200);
  expect(en.body).toContain('This melding is being transferred to CSG Gelderland-Zuid en -Midden.');
  expect((await page('coord-gzm', `/meldingen/${stays}`)).statusCode).toBe(404);

  // Found again by the phone number: the receiving region finds the transferred case only, the
  // old region both.
  expect(
    (await h.client.workflow.getHandle(reference).describe()).typedSearchAttributes.get(CsgOvergedragenNaar),
  ).toBe(GZM);
  await eventually(
    async () => (await found('coord-gzm', phone)).some((m) => m.reference === reference),
    'the receiving region finds the transferred case',
  );
  expect(await found('coord-gzm', phone)).toEqual([
    expect.objectContaining({ reference, regionId: 'limburg', transferredTo: GZM }),
  ]);
  expect((await found('cm-lim', phone)).map((m) => m.reference).sort()).toEqual([reference, stays].sort());
  // The staff find page names where the case went.
  const findNl = await findPageBy('coord-gzm', phone);
  expect(findNl.statusCode).toBe(200);
  expect(findNl.body).toContain(`href="/meldingen/${reference}"`);
  expect(findNl.body).toContain('overgedragen aan CSG Gelderland-Zuid en -Midden');
  expect(findNl.body).not.toContain(stays);
  expect((await findPageBy('cm-lim', phone, 'en-GB')).body).toContain(
    'transferred to CSG Gelderland-Zuid en -Midden',
  );

  // The stuck list's query for the receiving region: a year from now every open request is overdue,
  // and only the transferred case is that region's.
  const aYearOn = new Date(Date.now() + 365 * 24 * 3600_000);
  const stuck = await listStuck(h.client, aYearOn, [GZM]);
  expect(stuck.filter((s) => [reference, stays].includes(s.reference))).toEqual([
    expect.objectContaining({
      reference,
      regionId: 'limburg',
      transferredTo: GZM,
      request: expect.objectContaining({ requestId: 'regio_overdracht' }),
    }),
  ]);
  expect((await listStuck(h.client, aYearOn, ['limburg'])).map((s) => s.reference)).toContain(stays);

  // The coordinator takes it over: the region's handover request is theirs to acknowledge.
  const takenOver = await api(
    'coord-gzm',
    'POST',
    `/api/meldingen/${reference}/decisions/ontvangstbevestiging`,
    {
      requestId: 'regio_overdracht',
    },
  );
  expect(takenOver.statusCode).toBe(200);
  await h.client.workflow.getHandle(reference).result();
  const closed = (await read('coord-gzm', reference)).json() as CaseState;
  expect(closed).toMatchObject({ outcome: 'overgedragen', transferredTo: GZM });
  expect((await read('cm-lim', reference)).statusCode).toBe(200);
  expect((await page('coord-gzm', `/meldingen/${reference}`)).body).toContain(
    'Deze melding is overgedragen aan CSG Gelderland-Zuid en -Midden; die regio heeft haar overgenomen.',
  );
});

test("a melding transferred to a region is among the later links of that region's earlier case", async () => {
  const phone = freshMobile();
  const earlier = await started('Nijmegen', phone);
  const later = await started('Maastricht', phone, { linkedTo: earlier });
  const laterOnEarlierPage = async () =>
    /id="later-gekoppeld"[\s\S]*?<\/dd>/
      .exec((await page('coord-gzm', `/meldingen/${earlier}`)).body)?.[0]
      ?.includes(later) ?? false;
  await eventually(
    async () => ((await read('helpline-017', later)).json() as CaseState).openRequests.length > 0,
    'the later case asks its first partners',
  );
  // Visibility has the link before the transfer, yet the receiving region does not see it yet.
  await eventually(
    async () => (await page('helpline-017', `/meldingen/${earlier}`)).body.includes(later),
    'the earlier page lists the later melding for the national helpline',
  );
  expect(await laterOnEarlierPage()).toBe(false);

  const corrected = await api('cm-lim', 'POST', `/api/meldingen/${later}/decisions/gemeente`, {
    municipality: 'Nijmegen',
    reason: 'gewijzigd',
  });
  expect(corrected.statusCode).toBe(200);
  await eventually(laterOnEarlierPage, "the receiving region's earlier page lists the transferred melding");
});
