/**
 * The case page and its decision forms against a real dev server and the real melding workflow:
 * an unknown case is a clear 404 page; a decision goes through a confirmation that changes
 * nothing, then is recorded as the signed-in staff member; a refused decision shows its problem
 * by field in the reader's language and changes nothing; a post without the session's CSRF token
 * is refused and changes nothing.
 */
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState, type CaseState } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

let h: IntakeHarness;
let cookie: string;
let csrf: string;

/** A staff session's cookie and the CSRF token of its forms. */
// Ops may not start a melding (they are sent to /ops): the token comes from the first page with a form.
const loginAs = (id: string, password: string) =>
  formSession(h.app, id, password, ['/meldingen/nieuw', '/ops']);

beforeAll(async () => {
  h = await startIntakeHarness();
  ({ cookie, csrf } = await loginAs('helpline-017', 'helpline-wachtwoord-1'));
});
afterAll(() => h?.stop());

async function newCase(): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'ja', medicalCare: 'nee' } });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  return intake.reference;
}

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

const get = (url: string, lang = 'nl', as = cookie) =>
  h.app.inject({ method: 'GET', url, headers: { cookie: as, 'accept-language': lang } });

function post(url: string, fields: Record<string, string>, lang = 'nl', as = cookie) {
  return h.app.inject({
    method: 'POST',
    url,
    headers: { cookie: as, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('the case page', () => {
  test('an unknown reference answers 404 with a page that names it, in the reader language', async () => {
    const nl = await get('/meldingen/CSG-LIM-2026-999991');
    expect(nl.statusCode).toBe(404);
    expect(nl.headers['content-type']).toMatch(/text\/html/);
    expect(nl.body).toContain('Melding niet gevonden');
    expect(nl.body).toContain('CSG-LIM-2026-999991');
    const en = await get('/meldingen/CSG-LIM-2026-999991', 'en-GB');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Melding not found');

    // The find form: a malformed reference is not found either; a lower-case one is opened.
    const malformed = await get('/meldingen/openen?referentie=%3Cscript%3E');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.body).toContain('&lt;script&gt;');
    const ref = await newCase();
    const found = await get(`/meldingen/openen?referentie=${ref.toLowerCase()}`);
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/meldingen/${ref}`);
  });

  test('without a login the case page leads to the login, and back to the case after it', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/meldingen/CSG-LIM-2026-999992' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/inloggen?next=${encodeURIComponent('/meldingen/CSG-LIM-2026-999992')}`,
    );
    const posted = await h.app.inject({
      method: 'POST',
      url: '/meldingen/CSG-LIM-2026-999992/besluiten/aangifte',
    });
    expect(posted.headers.location).toBe(
      `/inloggen?next=${encodeURIComponent('/meldingen/CSG-LIM-2026-999992')}`,
    );
  });

  test('shows phase, open requests with their deadlines, and the timeline in words', async () => {
    const ref = await newCase();
    const page = await get(`/meldingen/${ref}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Melding ${ref}`);
    expect(page.body).toContain('Informatief gesprek met de zedenpolitie');
    expect(page.body).toContain('Melding geregistreerd');
    expect(page.body).toContain('hulplijn-017');
    expect(page.body).not.toContain('Voorbeeld Persoon');
    expect(page.body).not.toContain('+31612300000');
  });
});

describe('a decision on the case page', () => {
  test('the confirmation changes nothing; confirming records it as the signed-in staff member', async () => {
    const ref = await newCase();
    const before = (await stateOf(ref)).decisions.length;
    const check = await post(`/meldingen/${ref}/besluiten/toestemming/controleren`, {
      _csrf: csrf,
      role: 'zedenpolitie',
      given: 'true',
    });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Bevestigen');
    expect(check.body).toContain('veilige contactgegevens');
    expect((await stateOf(ref)).decisions.length).toBe(before);

    const done = await post(`/meldingen/${ref}/besluiten/toestemming`, {
      _csrf: csrf,
      role: 'zedenpolitie',
      given: 'true',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/meldingen/${ref}?gedaan=toestemming`);
    const recorded = (await stateOf(ref)).decisions.at(-1);
    expect(recorded).toMatchObject({
      type: 'toestemming',
      by: 'helpline-017',
      value: 'zedenpolitie: gegeven',
    });
    const page = await get(done.headers.location as string, 'en-GB');
    expect(page.body).toContain('The consent is recorded.');
    expect(page.body).toContain('Consent: sexual offences police: given');
  });

  test('aangifte and withdrawal are recorded; after a withdrawal the case says so and offers no forms', async () => {
    const ref = await newCase();
    const aangifte = await post(`/meldingen/${ref}/besluiten/aangifte`, { _csrf: csrf, made: 'true' });
    expect(aangifte.statusCode).toBe(303);
    expect((await stateOf(ref)).decisions.at(-1)).toMatchObject({ type: 'aangifte', value: 'gedaan' });
    const check = await post(`/meldingen/${ref}/besluiten/intrekking/controleren`, { _csrf: csrf });
    expect(check.body).toContain('Dit kan niet ongedaan worden gemaakt.');
    const withdrawn = await post(`/meldingen/${ref}/besluiten/intrekking`, { _csrf: csrf });
    expect(withdrawn.statusCode).toBe(303);
    expect(await h.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'ingetrokken' });
    const page = await get(withdrawn.headers.location as string);
    expect(page.body).toContain('De melding is ingetrokken; de partners zijn ingelicht.');
    expect(page.body).toContain('Deze melding is afgesloten: ingetrokken.');
    expect(page.body).toContain('Aangifte: aangifte gedaan');
    expect(page.body).not.toContain('/besluiten/');
  });

  test('a refused decision shows its problem by field, in the reader language, and changes nothing', async () => {
    const ref = await newCase();
    const before = await stateOf(ref);
    // The police wish is already "ja": the workflow refuses, as it does through the API.
    const nl = await post(`/meldingen/${ref}/besluiten/politiewens`, { _csrf: csrf, wish: 'ja' });
    expect(nl.statusCode).toBe(409);
    expect(nl.body).toContain('Dit is al de huidige wens over de politie');
    expect(nl.body).toContain('href="#politiewens-wish"');
    expect(nl.body).toContain('id="politiewens-wish-fout"');
    expect(nl.body).toContain('Er is niets veranderd');
    const en = await post(`/meldingen/${ref}/besluiten/politiewens`, { _csrf: csrf, wish: 'ja' }, 'en-GB');
    expect(en.statusCode).toBe(409);
    expect(en.body).toContain('This is already the current wish about the police');
    // The CSG itself needs no consent: refused by the workflow, named by its field.
    const csg = await post(`/meldingen/${ref}/besluiten/toestemming`, {
      _csrf: csrf,
      role: 'casemanager',
      given: 'true',
    });
    expect(csg.statusCode).toBe(409);
    expect(csg.body).toContain('id="toestemming-role-fout"');
    // A value outside the list is the schema's problem, before any confirmation.
    const wrong = await post(`/meldingen/${ref}/besluiten/politiewens/controleren`, {
      _csrf: csrf,
      wish: 'misschien',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Kies ja, nee of twijfel.');
    const after = await stateOf(ref);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.policeWish).toBe('ja');
  });

  test('a post without the session CSRF token is refused (403) and changes nothing', async () => {
    const ref = await newCase();
    const before = await stateOf(ref);
    for (const url of [
      `/meldingen/${ref}/besluiten/intrekking`,
      `/meldingen/${ref}/besluiten/intrekking/controleren`,
    ]) {
      const missing = await post(url, {});
      expect(missing.statusCode).toBe(403);
      expect(missing.body).toContain('Formulier verlopen');
      const forged = await post(url, { _csrf: 'x'.repeat(43) });
      expect(forged.statusCode).toBe(403);
    }
    const after = await stateOf(ref);
    expect(after.decisions).toEqual(before.decisions);
    expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');
  });

  test('closing stays with ops and coordinators: helpline staff are refused (403); ops close with a reason', async () => {
    const ref = await newCase();
    const before = await stateOf(ref);
    expect((await get(`/meldingen/${ref}`)).body).not.toContain('besluiten/sluiting');
    const refused = await post(`/meldingen/${ref}/besluiten/sluiting`, {
      _csrf: csrf,
      reason: 'dubbele_melding',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Alleen ops-medewerkers en coördinatoren kunnen een melding sluiten');
    expect((await stateOf(ref)).decisions).toEqual(before.decisions);
    expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');

    const ops = await loginAs('ops', 'ops-wachtwoord-123');
    expect((await get(`/meldingen/${ref}`, 'nl', ops.cookie)).body).toContain('besluiten/sluiting');
    const missingReason = await post(
      `/meldingen/${ref}/besluiten/sluiting/controleren`,
      { _csrf: ops.csrf },
      'nl',
      ops.cookie,
    );
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.body).toContain('Kies een reden uit de lijst.');
    const done = await post(
      `/meldingen/${ref}/besluiten/sluiting`,
      { _csrf: ops.csrf, reason: 'dubbele_melding' },
      'nl',
      ops.cookie,
    );
    expect(done.statusCode).toBe(303);
    expect(await h.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'gesloten' });
    const page = await get(done.headers.location as string, 'nl', ops.cookie);
    expect(page.body).toContain('De melding is gesloten.');
    expect(page.body).toContain('Deze melding is afgesloten: gesloten door ops of de coördinator.');
    expect(page.body).not.toContain('/besluiten/');
    // A decision on the ended case is refused with words, not a crash.
    const late = await post(`/meldingen/${ref}/besluiten/aangifte`, { _csrf: csrf, made: 'true' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('De melding is afgesloten of wordt afgesloten');
  });
});
