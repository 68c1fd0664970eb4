/**
 * The national helpline registers a caller from anywhere in the Netherlands: the form offers every
 * municipality, a typo gets the nearest names, and a case from Utrecht starts in CSG Utrecht.
 */
import { testCode } from '../../testkit/staffAccounts';
import { GEMEENTEN } from '../../regions/municipalities';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';

let h: IntakeHarness;

beforeAll(async () => {
  h = await startIntakeHarness();
});

afterAll(async () => {
  await h?.stop();
});

async function login(): Promise<string> {
  const res = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}&next=%2Fmeldingen%2Fnieuw`,
  });
  expect(res.statusCode).toBe(303);
  const cookie = res.cookies.find((c) => c.name === 'csg_sessie')!;
  return `csg_sessie=${cookie.value}`;
}

const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(page)![1]!;

async function submit(cookie: string, gemeente: string) {
  const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
  return h.app.inject({
    method: 'POST',
    url: '/meldingen',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: hidden(form.body, '_csrf'),
      volgnummer: hidden(form.body, 'volgnummer'),
      ontvangen: hidden(form.body, 'ontvangen'),
      kanaal: 'telefoon',
      beller: 'slachtoffer',
      tijdsoort: 'onbekend',
      leeftijd: '30',
      gemeente,
      politie: 'nee',
      medisch: 'nee',
      telefoon: '0612345678',
    }).toString(),
  });
}

test('the helpline form suggests every municipality of the Netherlands', async () => {
  const cookie = await login();
  const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
  const datalist = /<datalist id="gemeenten">([\s\S]*?)<\/datalist>/.exec(form.body)![1]!;
  const offered = [...datalist.matchAll(/<option value="([^"]*)"/g)].map((m) =>
    m[1]!.replace(/&#39;|&#x27;/g, "'"),
  );
  expect(offered).toHaveLength(GEMEENTEN.length);
  expect(offered).toEqual(expect.arrayContaining(['Utrecht', 'Dordrecht', 'Maastricht', 'Súdwest-Fryslân']));
});

test('a name that is not a municipality is refused next to the field, with the nearest names', async () => {
  const res = await submit(await login(), 'Maastrich');
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('id="gemeente-fout"');
  expect(res.body).toContain('Dit is geen Nederlandse gemeente. Bedoelt u: Maastricht, Maasdriel?');
});

test('a caller from Utrecht is registered in CSG Utrecht and its handover is requested', async () => {
  const res = await submit(await login(), 'utrecht');
  expect(res.statusCode).toBe(201);
  const reference = /id="referentie">([^<]+)</.exec(res.body)![1]!;
  expect(reference).toMatch(/^CSG-UTR-\d{4}-\d{6}$/);
  const started = Date.now();
  while (!h.sent.some((s) => s.message.meldingRef === reference) && Date.now() - started < 20_000)
    await new Promise((r) => setTimeout(r, 200));
  expect(h.sent.find((s) => s.message.meldingRef === reference)?.message).toMatchObject({
    regionId: 'utrecht',
    role: 'casemanager',
    tier: 'primary',
  });
});

test('the JSON API names the nearest names too, in the language the client asks for', async () => {
  const intake = buildIntake({ municipality: 'Maastrich' });
  const ask = (language: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE, 'accept-language': language },
      payload: intake,
    });
  const [dutch, english] = [await ask('nl'), await ask('en')];
  expect(dutch.statusCode).toBe(400);
  expect(dutch.json().problems).toEqual([
    {
      field: 'municipality',
      code: 'custom',
      message: 'Dit is geen Nederlandse gemeente. Bedoelt u: Maastricht, Maasdriel?',
      suggestions: ['Maastricht', 'Maasdriel'],
    },
  ]);
  expect(english.json().problems[0]).toMatchObject({
    message: 'expected the name of a Dutch municipality; nearest: Maastricht, Maasdriel',
    suggestions: ['Maastricht', 'Maasdriel'],
  });
});
