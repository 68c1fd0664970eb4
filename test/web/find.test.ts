/**
 * Finding a case again on the real dev server (its visibility store answers the query): a case
 * started with a phone number is found by that number written another way and not by another
 * number; by name with date of birth likewise; a closed case is found too. The API names the field
 * of a bad search; the staff page searches by form post in both languages. What Temporal holds for
 * the search is a keyed hash, never the number.
 */
import { testCode } from '../../testkit/staffAccounts';
import { randomInt } from 'node:crypto';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { TEST_BLIND_INDEX_KEY } from '../../testkit/temporal';
import { findMeldingen, type FoundMelding } from '../../cases/find';
import { phoneBlindIndex } from '../../cases/blindIndex';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  // No worker: the search attributes are set at start, and nothing else is needed to find a case.
  h = await startIntakeHarness({ withWorker: false });
});
afterAll(() => h?.stop());

/** A Dutch mobile number no other case of this run has: "06" and eight random digits. */
function freshMobile(): string {
  return `06${String(randomInt(10_000_000, 100_000_000))}`;
}

async function startCase(victimContact: Record<string, string>): Promise<string> {
  const { reference: _r, ...intake } = buildIntake({ victimContact });
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/meldingen',
    headers: { authorization: AS_HELPLINE },
    payload: intake,
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { reference: string }).reference;
}

const search = (query: Record<string, string>, lang = 'en') =>
  h.app.inject({
    method: 'GET',
    url: `/api/meldingen?${new URLSearchParams(query).toString()}`,
    headers: { authorization: AS_HELPLINE, 'accept-language': lang },
  });

/** Visibility follows a start shortly after: ask until the case is there (or give up). */
async function foundBy(query: Record<string, string>, reference: string): Promise<FoundMelding[]> {
  for (let i = 0; i < 100; i++) {
    const res = await search(query);
    expect(res.statusCode).toBe(200);
    const found = (res.json() as { meldingen: FoundMelding[] }).meldingen;
    if (found.some((m) => m.reference === reference)) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${reference} was not found by ${Object.keys(query).join(', ')}`);
}

const referencesBy = async (query: Record<string, string>) =>
  ((await search(query)).json() as { meldingen: FoundMelding[] }).meldingen.map((m) => m.reference);

describe('finding a case again', () => {
  test('by its phone number written another way, with region and phase only; not by another number', async () => {
    const mobile = freshMobile();
    const reference = await startCase({ phone: `+31 ${mobile.slice(1, 2)} ${mobile.slice(2)}` });
    const found = await foundBy({ telefoon: `${mobile.slice(0, 2)}-${mobile.slice(2)}` }, reference);
    expect(found).toEqual([{ reference, regionId: 'limburg', phase: 'triage', open: true }]);
    const other = `${mobile.slice(0, 9)}${(Number(mobile.slice(9)) + 1) % 10}`;
    expect(await referencesBy({ telefoon: other })).toEqual([]);

    // Temporal holds the keyed hash of the number, not the number.
    const described = await h.client.workflow.getHandle(reference).describe();
    const held = JSON.stringify(described.searchAttributes);
    expect(described.searchAttributes.CsgZoekIndex).toEqual([phoneBlindIndex(TEST_BLIND_INDEX_KEY, mobile)]);
    expect(held).not.toContain(mobile.slice(2));
  });

  test('by name with date of birth, written differently; not with another date of birth', async () => {
    const name = `Aafke van der Meulen-${String(randomInt(1_000_000))}`;
    const reference = await startCase({ name, dateOfBirth: '1990-05-17', email: 'aafke@example.org' });
    await foundBy(
      { naam: `  ${name.toUpperCase().replace('-', ' ')} `, geboortedatum: '1990-05-17' },
      reference,
    );
    expect(await referencesBy({ naam: name, geboortedatum: '1990-05-18' })).toEqual([]);
    // A name alone is not indexed: another case with the same name but no date is not found by it.
    const withoutDate = await startCase({ name });
    const found = await foundBy({ naam: name, geboortedatum: '1990-05-17' }, reference);
    expect(found.map((m) => m.reference)).not.toContain(withoutDate);
  });

  test('a closed case is found too, and says it is closed; newest first', async () => {
    const mobile = freshMobile();
    const older = await startCase({ phone: mobile });
    await h.client.workflow.getHandle(older).terminate('test: the case ended');
    const newer = await startCase({ phone: mobile, name: 'Bo de Wit', dateOfBirth: '2001-01-01' });
    await foundBy({ telefoon: mobile }, newer);
    let found: FoundMelding[] = [];
    for (let i = 0; i < 100 && found.find((m) => m.reference === older)?.open !== false; i++) {
      found = await foundBy({ telefoon: mobile }, older);
    }
    expect(found.map((m) => [m.reference, m.open])).toEqual([
      [newer, true],
      [older, false],
    ]);
  });

  test('another key finds nothing', async () => {
    const mobile = freshMobile();
    const reference = await startCase({ phone: mobile });
    await foundBy({ telefoon: mobile }, reference);
    expect(await findMeldingen(h.client, Buffer.alloc(32, 0x01), { phone: mobile })).toEqual([]);
  });
});

describe('GET /api/meldingen: the search', () => {
  test('a bad search answers 400 naming the field, in the language asked for; no login is 401', async () => {
    const problemsOf = async (query: Record<string, string>, lang?: string) => {
      const res = await search(query, lang);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_query' });
      return (res.json() as { problems: Array<{ field: string; code: string; message: string }> }).problems;
    };
    expect(await problemsOf({})).toEqual([
      {
        field: 'telefoon',
        code: 'query_needed',
        message: 'Enter a phone number, or a name with a date of birth.',
      },
    ]);
    expect(await problemsOf({ naam: 'An de Vries' }, 'nl')).toEqual([
      {
        field: 'geboortedatum',
        code: 'required_with_name',
        message: 'Vul bij de naam ook de geboortedatum in.',
      },
    ]);
    expect((await problemsOf({ telefoon: 'bel me' })).map((p) => p.field)).toEqual(['telefoon']);
    expect((await problemsOf({ naam: 'An', geboortedatum: '17-05-1990' })).map((p) => p.field)).toEqual([
      'geboortedatum',
    ]);
    expect((await problemsOf({ phone: '0612345678' })).map((p) => `${p.field}:${p.code}`)).toEqual([
      'phone:unknown_field',
      'telefoon:query_needed',
    ]);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/meldingen?telefoon=0612345678' });
    expect(anonymous.statusCode).toBe(401);
  });

  test('the published contract names the search and its parameters', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const get = doc.paths['/api/meldingen'].get as { parameters: Array<{ name: string }> };
    expect(get.parameters.map((p) => p.name)).toEqual(['telefoon', 'naam', 'geboortedatum']);
  });
});

describe('the staff page "find a melding again"', () => {
  async function login(): Promise<string> {
    const res = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}&next=%2Fmeldingen%2Fzoeken`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/meldingen/zoeken');
    return `csg_sessie=${res.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  }
  const csrfOf = (page: string) => /name="_csrf" value="([^"]*)"/.exec(page)![1]!;

  test('without a login it sends to the login page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/meldingen/zoeken' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/inloggen?next=%2Fmeldingen%2Fzoeken');
  });

  test.each([
    [
      'nl',
      'Melding terugvinden',
      '1 melding gevonden.',
      'Vul bij de naam ook de geboortedatum in.',
      'Vul de geboortedatum in als dd-mm-jjjj',
    ],
    [
      'en',
      'Find a melding again',
      '1 melding found.',
      'Enter the date of birth with the name.',
      'Enter the date of birth as dd-mm-yyyy',
    ],
  ])(
    'in %s: the form posts, shows what it found, and names the field of a bad search',
    async (lang, title, one, needDate, dateAsTyped) => {
      const mobile = freshMobile();
      const reference = await startCase({ phone: mobile });
      await foundBy({ telefoon: mobile }, reference);
      const cookie = `${await login()}; csg_taal=${lang}`;
      const form = await h.app.inject({ method: 'GET', url: '/meldingen/zoeken', headers: { cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
      expect(form.body).toMatch(/<form method="post" action="\/meldingen\/zoeken"/);
      const post = (fields: Record<string, string>) =>
        h.app.inject({
          method: 'POST',
          url: '/meldingen/zoeken',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfOf(form.body), ...fields }).toString(),
        });

      const result = await post({ telefoon: `+31 ${mobile.slice(1)}`, naam: '', geboortedatum: '' });
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain(one);
      expect(result.body).toMatch(new RegExp(`<a[^>]* href="/meldingen/${reference}">${reference}</a>`));
      expect(result.body).toContain('Limburg');
      // What was typed stays in the form, escaped, and nowhere in a link.
      expect(result.body).toContain(`value="+31 ${mobile.slice(1)}"`);

      const refused = await post({ telefoon: '', naam: '<b>An</b>', geboortedatum: '' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatch(/class="[^"]*\bsamenvatting"/);
      expect(refused.body).toContain('href="#geboortedatum"');
      expect(refused.body).toContain(`id="geboortedatum-fout"`);
      expect(refused.body).toContain(needDate);
      expect(refused.body).toContain('value="&lt;b&gt;An&lt;/b&gt;"');

      // The page takes a date of birth as the intake form does (dd-mm-jjjj) and says so.
      const badDate = await post({ telefoon: '', naam: 'An de Vries', geboortedatum: '31-02-1990' });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.body).toContain(dateAsTyped);

      const forged = await post({ _csrf: 'forged', telefoon: mobile });
      expect(forged.statusCode).toBe(403);
    },
  );
});
