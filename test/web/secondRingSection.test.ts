/**
 * The case page's second-ring section, against the real melding workflow: it lists the region's
 * second-ring partners with the consent recorded for each, offers a button only where asking can
 * go through, posts through the confirmation step to the decision `tweede_ring`, and then lists the
 * request with where it stands. For a minor it suggests the Veilig Thuis consultation (anonymous,
 * without consent) and the kinderarts, and shows the guardian to a role that sees contact details
 * only. A refused ask is shown in words and changes nothing; the helpline gets no buttons.
 */
import { testCode } from '../../testkit/staffAccounts';
import { decide, startMelding } from '../../cases/meldingClient';
import type { MeldingIntake } from '../../domain/types';
import { buildIntake } from '../../testkit/meldingFixtures';
import { FIND_PAGE } from '../../web/findPages';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState, type CaseState } from '../../workflows/messages';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

let h: IntakeHarness;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

async function loginAs(id: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const login = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ id, wachtwoord: password, code: testCode(id) }).toString(),
  });
  const cookie = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  const page = await h.app.inject({ method: 'GET', url: FIND_PAGE, headers: { cookie } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error(`no form with a CSRF token for ${id}`);
  return { cookie, csrf };
}

beforeAll(async () => {
  h = await startIntakeHarness();
  sessions.cm = await loginAs('cm-017', 'casemanager-wachtwoord-1');
  sessions.helpline = await loginAs('helpline-017', 'helpline-wachtwoord-1');
});
afterAll(() => h?.stop());

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

const get = (url: string, as: string, lang = 'nl') =>
  h.app.inject({ method: 'GET', url, headers: { cookie: sessions[as]!.cookie, 'accept-language': lang } });

const post = (url: string, fields: Record<string, string>, as: string, lang = 'nl') =>
  h.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: sessions[as]!.cookie,
      'accept-language': lang,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: sessions[as]!.csrf, ...fields }).toString(),
  });

async function startCase(overrides: Partial<MeldingIntake> = {}): Promise<string> {
  const intake = buildIntake({
    municipality: 'Maastricht',
    wishes: { police: 'nee', medicalCare: 'nee' },
    ...overrides,
  });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  return intake.reference;
}

/** The row of one partner in the section's table. */
const row = (page: string, role: string) =>
  new RegExp(`<tr id="tweede-ring-partner-${role}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '';

test('consent recorded: the partner has a button; asking goes through the confirmation and lists the request', async () => {
  const reference = await startCase();
  await decide(h.client, reference, {
    type: 'toestemming',
    input: { role: 'slachtofferhulp', given: true, by: 'cm-017' },
  });
  const page = (await get(`/meldingen/${reference}`, 'cm')).body;
  expect(page).toContain('id="tweede-ring"');
  // Limburg names all six; consent for Slachtofferhulp only.
  expect(row(page, 'slachtofferhulp')).toContain('gegeven');
  expect(row(page, 'slachtofferhulp')).toContain('id="tweede_ring-slachtofferhulp-vragen"');
  expect(row(page, 'slachtofferadvocaat')).toContain('niet vastgelegd');
  expect(row(page, 'slachtofferadvocaat')).toContain('Eerst toestemming vastleggen');
  expect(row(page, 'slachtofferadvocaat')).not.toContain('<button');
  expect(row(page, 'kinderarts')).toContain('Maastricht UMC+, kindergeneeskunde');
  // An adult: no minor's hints.
  expect(page).not.toContain('id="tweede-ring-minderjarig"');
  expect(page).toContain('Nog geen partner uit de tweede ring gevraagd.');

  const confirm = await post(
    `/meldingen/${reference}/besluiten/tweede_ring/controleren`,
    { role: 'slachtofferhulp' },
    'cm',
  );
  expect(confirm.statusCode).toBe(200);
  expect(confirm.body).toContain('Slachtofferhulp Nederland krijgt een bericht met de vraag');
  expect((await stateOf(reference)).requests.some((r) => r.kind === 'tweede_ring')).toBe(false);

  const asked = await post(
    `/meldingen/${reference}/besluiten/tweede_ring`,
    { role: 'slachtofferhulp' },
    'cm',
  );
  expect(asked.statusCode).toBe(303);
  expect(asked.headers.location).toBe(`/meldingen/${reference}?gedaan=tweede_ring`);
  const after = await stateOf(reference);
  expect(after.requests.find((r) => r.kind === 'tweede_ring')).toMatchObject({
    requestId: 'tweede_ring-slachtofferhulp',
    role: 'slachtofferhulp',
  });
  expect(after.decisions.at(-1)).toMatchObject({ type: 'tweede_ring', by: 'cm-017' });

  const shown = (await get(`/meldingen/${reference}?gedaan=tweede_ring`, 'cm')).body;
  expect(shown).toContain('De partner is gevraagd.');
  expect(shown).toContain('id="tweede-ring-tweede_ring-slachtofferhulp"');
  expect(row(shown, 'slachtofferhulp')).toContain('Er loopt al een vraag');
});

test('without consent a forged ask is refused in words and nothing changes', async () => {
  const reference = await startCase();
  const before = await stateOf(reference);
  const refused = await post(
    `/meldingen/${reference}/besluiten/tweede_ring`,
    { role: 'slachtofferadvocaat' },
    'cm',
  );
  expect(refused.statusCode).toBe(409);
  expect(refused.body).toContain('Voor deze partner is geen toestemming van het slachtoffer vastgelegd');
  const english = await post(
    `/meldingen/${reference}/besluiten/tweede_ring`,
    { role: 'slachtofferadvocaat' },
    'cm',
    'en-GB',
  );
  expect(english.body).toContain('No consent of the victim is recorded for this partner');
  // A role outside the second ring is the form's own problem.
  const bad = await post(`/meldingen/${reference}/besluiten/tweede_ring`, { role: 'zedenpolitie' }, 'cm');
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('Kies een partner uit de tweede ring.');
  expect((await stateOf(reference)).decisions).toEqual(before.decisions);
});

test('a minor: the Veilig Thuis consultation without consent, the kinderarts suggested, the guardian shown to the casemanager only', async () => {
  const reference = await startCase({
    victimAge: { kind: 'years', years: 13 },
    guardian: { relation: 'voogd', name: 'Voogd Sectietest', phone: '+31612366666' },
  });
  const page = (await get(`/meldingen/${reference}`, 'cm')).body;
  expect(page).toContain('id="tweede-ring-minderjarig"');
  expect(page).toContain('Overweeg een consultatie bij Veilig Thuis');
  expect(page).toContain('Deze regio heeft een kinderarts');
  expect(page).toContain('Voogd: Voogd Sectietest, +31612366666');
  expect(row(page, 'veilig_thuis')).toContain('Veilig Thuis consulteren (anoniem)');

  const confirm = await post(
    `/meldingen/${reference}/besluiten/tweede_ring/controleren`,
    { role: 'veilig_thuis' },
    'cm',
  );
  expect(confirm.body).toContain('niets dat het kind herkenbaar maakt');
  const asked = await post(`/meldingen/${reference}/besluiten/tweede_ring`, { role: 'veilig_thuis' }, 'cm');
  expect(asked.statusCode).toBe(303);
  const shown = (await get(`/meldingen/${reference}`, 'cm')).body;
  expect(shown).toContain(
    'alleen het nummer en de vraag (consultatie volgens de meldcode, zonder toestemming)',
  );

  // The helpline reads the case: the partners, but no buttons, no guardian, no minor's details.
  const helpline = (await get(`/meldingen/${reference}`, 'helpline')).body;
  expect(helpline).toContain('id="tweede-ring"');
  expect(helpline).not.toContain('tweede_ring-slachtofferhulp-vragen');
  expect(helpline).not.toContain('Sectietest');
});
