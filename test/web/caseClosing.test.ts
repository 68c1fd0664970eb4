/**
 * Closing a case by hand on the case page, per role, against a real dev server and the real
 * workflow: a coordinator of the case's region gets the form, a confirmation that changes nothing,
 * and then the closing in the timeline with who and why, in the reader's language; a casemanager
 * gets no form and a forged post is refused (403) without changing the case.
 */
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

let h: IntakeHarness;

beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},coord-lim:coord-lim-wachtwoord-1,cm-lim:cm-lim-wachtwoord-12`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},coord-lim=coordinator@limburg,cm-lim=casemanager@limburg`,
    },
  });
});
afterAll(() => h?.stop());

/** A staff session's cookie and the CSRF token of its forms (from the case page `ref`: any staff page has one). */
const loginAs = (id: string, password: string, ref: string) =>
  formSession(h.app, id, password, [`/meldingen/${ref}`]);

/** A new melding in Maastricht (Limburg); its reference. */
async function newCase(): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'ja', medicalCare: 'nee' } });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  return intake.reference;
}

const get = (url: string, cookie: string, lang = 'nl') =>
  h.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });

const post = (url: string, cookie: string, fields: Record<string, string>, lang = 'nl') =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

/** The rows of the page's timeline as text, tags dropped and spaces squeezed. */
function timelineRows(body: string): string[] {
  const table = /<table[^>]* id="tijdlijn">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

test.each([
  {
    lang: 'nl',
    line: /coord-lim Melding gesloten: Slachtoffer na alle pogingen niet bereikbaar$/,
    closed: 'Deze melding is afgesloten: gesloten door ops of de coördinator.',
  },
  {
    lang: 'en-GB',
    line: /coord-lim Melding closed: Victim not reachable after every attempt$/,
    closed: 'This melding is closed: closed by ops or the coordinator.',
  },
])(
  '$lang: a coordinator closes with a reason after a confirmation; the timeline says who and why',
  async ({ lang, line, closed }) => {
    const ref = await newCase();
    const coord = await loginAs('coord-lim', 'coord-lim-wachtwoord-1', ref);
    const handle = h.client.workflow.getHandle(ref);
    const page = await get(`/meldingen/${ref}`, coord.cookie, lang);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="besluit-sluiting"');

    const confirm = await post(
      `/meldingen/${ref}/besluiten/sluiting/controleren`,
      coord.cookie,
      { _csrf: coord.csrf, reason: 'slachtoffer_niet_bereikbaar' },
      lang,
    );
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('id="bevestiging"');
    // The confirmation changes nothing.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await handle.query(caseState)).decisions.some((d) => d.type === 'sluiting')).toBe(false);

    const done = await post(
      `/meldingen/${ref}/besluiten/sluiting`,
      coord.cookie,
      { _csrf: coord.csrf, reason: 'slachtoffer_niet_bereikbaar' },
      lang,
    );
    expect(done.statusCode).toBe(303);
    expect(await handle.result()).toMatchObject({ outcome: 'gesloten' });
    const after = await get(done.headers.location as string, coord.cookie, lang);
    expect(after.body).toContain(closed);
    expect(timelineRows(after.body)).toEqual(expect.arrayContaining([expect.stringMatching(line)]));
  },
);

test('a casemanager sees no closing form, and a forged closing is refused (403) and changes nothing', async () => {
  const ref = await newCase();
  const cm = await loginAs('cm-lim', 'cm-lim-wachtwoord-12', ref);
  const page = await get(`/meldingen/${ref}`, cm.cookie);
  expect(page.statusCode).toBe(200);
  // The casemanager decides other things on this page, but not the closing.
  expect(page.body).toContain('id="besluit-aangifte"');
  expect(page.body).not.toContain('besluiten/sluiting');
  const before = await h.client.workflow.getHandle(ref).query(caseState);
  for (const url of [
    `/meldingen/${ref}/besluiten/sluiting/controleren`,
    `/meldingen/${ref}/besluiten/sluiting`,
  ]) {
    const refused = await post(url, cm.cookie, { _csrf: cm.csrf, reason: 'dubbele_melding' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Alleen ops-medewerkers en coördinatoren kunnen een melding sluiten');
  }
  const after = await h.client.workflow.getHandle(ref).query(caseState);
  expect(after.decisions).toEqual(before.decisions);
  expect((await h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');
});
