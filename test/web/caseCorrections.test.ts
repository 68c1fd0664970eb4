/**
 * The corrections on the case page against a real dev server and the real melding workflow: each
 * form goes through a confirmation that says what will happen and changes nothing, then is
 * recorded as the signed-in staff member; a refused value shows its field's problem in the
 * reader's language and changes nothing; a role that may not make the correction is not offered
 * the form, and a forged post of it answers 403 and changes nothing.
 */
import { startMelding } from '../../cases/meldingClient';
import { createLogger } from '../../config/logger';
import type { SharedDetails } from '../../domain/types';
import type { MeldingIntake } from '../../domain/types';
import { buildIntake } from '../../testkit/meldingFixtures';
import {
  AS_CASEMANAGER,
  startIntakeHarness,
  TEST_CONFIG,
  type IntakeHarness,
} from '../../testkit/intakeHarness';
import { caseState, handoverDetails, type CaseState } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

let h: IntakeHarness;
/** What the service logged: the victim's values shown on the forms and typed into them never appear. */
const logLines: string[] = [];
const sessions: Record<string, { cookie: string; csrf: string }> = {};

const loginAs = (id: string, password: string) => formSession(h.app, id, password);

beforeAll(async () => {
  h = await startIntakeHarness({
    logger: createLogger({ level: 'debug', name: 'intake-test' }, { write: (line) => logLines.push(line) }),
    config: {
      // A coordinator too: the transfer to another region is theirs.
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},coord-017:coordinator-wachtwoord-1`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},coord-017=coordinator@alle`,
    },
  });
  sessions.helpline = await loginAs('helpline-017', 'helpline-wachtwoord-1');
  sessions.cm = await loginAs('cm-017', 'casemanager-wachtwoord-1');
  sessions.coord = await loginAs('coord-017', 'coordinator-wachtwoord-1');
});
afterAll(() => h?.stop());

async function newCase(overrides: Parameters<typeof buildIntake>[0] = {}): Promise<MeldingIntake> {
  const intake = buildIntake({ wishes: { police: 'ja', medicalCare: 'nee' }, ...overrides });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  return intake;
}

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

/** What the CSG's own handover shows of the victim (the CSG sees all). */
const detailsOf = async (reference: string): Promise<SharedDetails> =>
  (await h.client.workflow
    .getHandle(reference)
    .query(handoverDetails, 'casemanager_overdracht')) as SharedDetails;

const get = (url: string, as = 'cm', lang = 'nl') =>
  h.app.inject({ method: 'GET', url, headers: { cookie: sessions[as]!.cookie, 'accept-language': lang } });

function post(url: string, fields: Record<string, string>, as = 'cm', lang = 'nl') {
  return h.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: sessions[as]!.cookie,
      'accept-language': lang,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: sessions[as]!.csrf, ...fields }).toString(),
  });
}

/** Confirm then record: the confirmation says `effect` and changes nothing; the post records it. */
async function confirmThenRecord(
  reference: string,
  name: string,
  fields: Record<string, string>,
  effect: RegExp,
  as = 'cm',
): Promise<void> {
  const before = await stateOf(reference);
  const confirm = await post(`/meldingen/${reference}/besluiten/${name}/controleren`, fields, as);
  expect(confirm.statusCode).toBe(200);
  expect(confirm.body).toMatch(effect);
  expect((await stateOf(reference)).decisions).toHaveLength(before.decisions.length);
  // The confirmation carries the checked values on: post exactly what its form holds.
  const carried = Object.fromEntries(
    [...confirm.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
      .filter(([, field]) => field !== '_csrf')
      .map(([, field, value]) => [field!, value!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')]),
  );
  expect(carried).toEqual(fields);
  const record = await post(`/meldingen/${reference}/besluiten/${name}`, carried, as);
  expect(record.statusCode).toBe(303);
  expect(record.headers.location).toBe(`/meldingen/${reference}?gedaan=${name}`);
  const after = await stateOf(reference);
  const recorded = after.decisions.filter((d) => d.type === name);
  expect(recorded.at(-1)?.by).toBe(as === 'cm' ? 'cm-017' : 'coord-017');
}

/** A refused value: 400, the field's problem in words next to it, and nothing changed. */
async function refused(
  reference: string,
  name: string,
  fields: Record<string, string>,
  field: string,
  text: string,
  lang = 'nl',
): Promise<void> {
  const before = await stateOf(reference);
  const details = await detailsOf(reference);
  const response = await post(`/meldingen/${reference}/besluiten/${name}/controleren`, fields, 'cm', lang);
  expect(response.statusCode).toBe(400);
  expect(response.body).toContain(`id="${name}-${field}-fout"`);
  expect(response.body).toContain(text);
  expect(response.body).not.toMatch(/expected /);
  // A forged final post of the same values is refused the same way.
  expect((await post(`/meldingen/${reference}/besluiten/${name}`, fields, 'cm', lang)).statusCode).toBe(400);
  expect((await stateOf(reference)).decisions).toEqual(before.decisions);
  expect(await detailsOf(reference)).toEqual(details);
}

/** dd-mm-jjjj in Dutch time, `days` days ago. */
function dutchDate(daysAgo: number): string {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(Date.now() - daysAgo * 24 * 3600_000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('day')}-${part('month')}-${part('year')}`;
}

/** The case went to Gelderland-Zuid en -Midden: its coordinator is asked to take it over, nothing else stays open. */
async function transferred(reference: string): Promise<void> {
  expect((await stateOf(reference)).openRequests.map((r) => r.kind)).toEqual(['regio_overdracht']);
  const deadline = Date.now() + 20_000;
  while (
    !h.sent.some((s) => s.message.meldingRef === reference && s.message.requestId === 'regio_overdracht')
  ) {
    if (Date.now() > deadline) throw new Error('no handover to the other region');
    await new Promise((r) => setTimeout(r, 100));
  }
  const handover = h.sent.find(
    (s) => s.message.meldingRef === reference && s.message.requestId === 'regio_overdracht',
  )!;
  expect(handover.message).toMatchObject({ regionId: 'gelderland-zuid-midden', role: 'coordinator' });
}

describe('the correction forms on the case page', () => {
  test('the casemanager sees every correction but the transfer; the helpline only the incident time', async () => {
    const { reference } = await newCase();
    const cm = await get(`/meldingen/${reference}`);
    for (const name of [
      'incidenttijd',
      'leeftijd',
      'gemeente',
      'contactgegevens',
      'veilige_kanalen',
      'medische_wens',
      'taal',
    ])
      expect(cm.body).toContain(`id="besluit-${name}"`);
    expect(cm.body).not.toContain('id="besluit-overdracht"');
    const helpline = await get(`/meldingen/${reference}`, 'helpline');
    expect(helpline.body).toContain('id="besluit-incidenttijd"');
    for (const name of ['leeftijd', 'gemeente', 'contactgegevens', 'medische_wens', 'overdracht'])
      expect(helpline.body).not.toContain(`id="besluit-${name}"`);
    const coord = await get(`/meldingen/${reference}`, 'coord');
    expect(coord.body).toContain('id="besluit-overdracht"');
    // The municipality field offers the served municipalities; the reasons come from the catalogue.
    expect(cm.body).toMatch(/<datalist id="gemeente-municipality-lijst">[\s\S]*<option value="Maastricht">/);
    expect(cm.body).toContain('Verkeerd vastgelegd bij de intake');
    // The values as they stand, beside the forms of a role that may correct them; not for the helpline.
    expect(cm.body).toContain('id="contactgegevens-phone-nu">Nu: +31612300000<');
    expect(cm.body).toContain('id="leeftijd-victimAge-nu">Nu: 24<');
    expect(cm.body).toContain('id="gemeente-municipality-nu">Nu: Maastricht<');
    expect(cm.body).toMatch(/id="veilige_kanalen-safeToEmail-nu">Nu: Nee</);
    expect(cm.body).toMatch(
      /<input[^>]*id="contactgegevens-phone"[^>]*aria-describedby="contactgegevens-phone-nu"/,
    );
    expect(helpline.body).not.toContain('+31612300000');
    expect(helpline.body).not.toContain('Voorbeeld Persoon');
  });

  test('a forged post of a correction by the helpline answers 403 and changes nothing', async () => {
    const { reference } = await newCase();
    const before = await stateOf(reference);
    const details = await detailsOf(reference);
    for (const url of [
      `/meldingen/${reference}/besluiten/leeftijd/controleren`,
      `/meldingen/${reference}/besluiten/leeftijd`,
    ]) {
      const forged = await post(url, { victimAge: '14', reason: 'invoerfout' }, 'helpline');
      expect(forged.statusCode).toBe(403);
      expect(forged.body).toContain('Uw rol mag dit besluit niet nemen');
    }
    expect(await stateOf(reference)).toEqual(before);
    expect(await detailsOf(reference)).toEqual(details);
  });

  test('age: 30 corrected to 14 moves the FMO from the forensic doctor to the NFI', async () => {
    const { reference } = await newCase({ victimAge: { kind: 'years', years: 30 } });
    await refused(
      reference,
      'leeftijd',
      { victimAge: 'dertig', reason: 'invoerfout' },
      'victimAge',
      'Vul een leeftijd in hele jaren in',
    );
    await refused(
      reference,
      'leeftijd',
      { reason: 'invoerfout' },
      'victimAge',
      'Vul een leeftijd in hele jaren in',
    );
    await refused(
      reference,
      'leeftijd',
      { dateOfBirth: '2010-02-31', reason: 'invoerfout' },
      'dateOfBirth',
      'Vul een bestaande geboortedatum in',
    );
    await refused(reference, 'leeftijd', { victimAge: '14' }, 'reason', 'Kies een reden uit de lijst.');
    const fmoRoles = async () =>
      (await stateOf(reference)).openRequests.filter((r) => r.kind === 'fmo').map((r) => r.role);
    expect(await fmoRoles()).toContain('forensisch_arts');
    await confirmThenRecord(
      reference,
      'leeftijd',
      { victimAge: '14', reason: 'invoerfout' },
      /De leeftijd wordt 14 jaar: het FMO-verzoek aan de forensisch arts wordt ingetrokken en het NFI \(slachtoffer 15 jaar of jonger\) wordt gevraagd/,
    );
    expect(await fmoRoles()).toContain('nfi');
    expect(await fmoRoles()).not.toContain('forensisch_arts');
    // The page says it was recorded, and its timeline shows the FMO asked of the NFI.
    const page = await get(`/meldingen/${reference}?gedaan=leeftijd`);
    expect(page.body).toContain('De leeftijd is gecorrigeerd; het FMO volgt de nieuwe leeftijd.');
    expect(page.body).toContain('Forensisch-medisch onderzoek (FMO): verzoek aan NFI (open)');
    expect((await detailsOf(reference)).victimAge).toEqual({ kind: 'years', years: 14 });
  });

  test('incident time: an approximate range a few days back triages the case again', async () => {
    const { reference } = await newCase();
    await refused(
      reference,
      'incidenttijd',
      { tijdsoort: 'exact', datum: '31-02-2026', tijd: '12:00', reason: 'invoerfout' },
      'datum',
      'Vul een datum in als dd-mm-jjjj',
    );
    await refused(
      reference,
      'incidenttijd',
      { tijdsoort: 'exact', datum: dutchDate(1), tijd: '25:99', reason: 'invoerfout' },
      'tijd',
      'Vul een tijd in als uu:mm',
    );
    await refused(
      reference,
      'incidenttijd',
      { reason: 'invoerfout' },
      'tijdsoort',
      'Kies of het tijdstip bekend',
    );
    expect((await stateOf(reference)).triage.window).toBe('binnen_72_uur');
    // Ten days back: the confirmation says the FMO stops (nothing recorded yet).
    const tenDays = await post(`/meldingen/${reference}/besluiten/incidenttijd/controleren`, {
      tijdsoort: 'exact',
      datum: dutchDate(10),
      tijd: '12:00',
      reason: 'invoerfout',
    });
    expect(tenDays.statusCode).toBe(200);
    expect(tenDays.body).toContain('het open FMO-verzoek stopt en die partners horen dat');
    expect((await stateOf(reference)).triage.window).toBe('binnen_72_uur');
    await confirmThenRecord(
      reference,
      'incidenttijd',
      {
        tijdsoort: 'approximate',
        vanafDatum: dutchDate(5),
        vanafTijd: '20:00',
        totDatum: dutchDate(4),
        totTijd: '02:00',
        reason: 'nieuwe_informatie',
      },
      /de melding gaat van &quot;Acuut: binnen 72 uur na het incident&quot; naar &quot;Acuut: na 72 uur, binnen 7 dagen na het incident&quot;/,
    );
    expect((await stateOf(reference)).triage.window).toBe('binnen_7_dagen');
  });

  test('municipality: one in Gelderland-Zuid en -Midden transfers the case there', async () => {
    const { reference } = await newCase();
    // A municipality no region serves passes the form and is refused by the case: 409, its words, nothing changed.
    const before = await stateOf(reference);
    const unknown = await post(`/meldingen/${reference}/besluiten/gemeente`, {
      municipality: 'Atlantis',
      reason: 'gewijzigd',
    });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.body).toContain('id="gemeente-municipality-fout"');
    expect(unknown.body).toContain('Kies een gemeente van een aangesloten CSG-regio.');
    expect((await stateOf(reference)).decisions).toEqual(before.decisions);
    await refused(
      reference,
      'gemeente',
      { municipality: 'x'.repeat(150), reason: 'gewijzigd' },
      'municipality',
      'Kies een gemeente van een aangesloten CSG-regio.',
    );
    await confirmThenRecord(
      reference,
      'gemeente',
      { municipality: 'Nijmegen', reason: 'gewijzigd' },
      /De melding wordt overgedragen aan CSG Gelderland-Zuid en -Midden/,
    );
    await transferred(reference);
  });

  test('contact details: a new phone replaces the old, a malformed one is refused by field, in both languages', async () => {
    const { reference } = await newCase();
    await refused(
      reference,
      'contactgegevens',
      { phone: 'bel me maar', reason: 'gewijzigd' },
      'phone',
      'Vul een telefoonnummer in zoals 0612345678',
    );
    await refused(
      reference,
      'contactgegevens',
      { phone: 'bel me maar', reason: 'gewijzigd' },
      'phone',
      'Enter a phone number like 0612345678',
      'en-GB',
    );
    await refused(
      reference,
      'contactgegevens',
      { email: 'geen-adres', reason: 'gewijzigd' },
      'email',
      'Vul een e-mailadres in',
    );
    await refused(reference, 'contactgegevens', { reason: 'gewijzigd' }, 'name', 'Vul minstens één veld in');
    await confirmThenRecord(
      reference,
      'contactgegevens',
      { phone: '+31687654321', reason: 'gewijzigd' },
      /De nieuwe contactgegevens gelden meteen/,
    );
    const contact = (await detailsOf(reference)).contact!;
    expect(contact.phone).toBe('+31687654321');
    expect(contact.name).toBe('Voorbeeld Persoon');
  });

  test('safe channels: calling no longer safe, the others unchanged', async () => {
    const { reference } = await newCase();
    await refused(
      reference,
      'veilige_kanalen',
      { reason: 'gewijzigd' },
      'safeToCall',
      'Vul minstens één veld in',
    );
    await confirmThenRecord(
      reference,
      'veilige_kanalen',
      { safeToCall: 'false', reason: 'gewijzigd' },
      /De veilige kanalen veranderen meteen/,
    );
    expect((await detailsOf(reference)).contactPreferences).toEqual({
      safeToCall: false,
      safeToText: true,
      safeToEmail: false,
    });
  });

  test('medical wish: a "ja" starts the medical track', async () => {
    const { reference } = await newCase();
    expect((await stateOf(reference)).openRequests.some((r) => r.kind === 'medische_zorg')).toBe(false);
    const page = await get(`/meldingen/${reference}`);
    // The wish it already is, is no change to offer.
    expect(page.body).not.toContain('id="medische_wens-wish-nee"');
    await refused(
      reference,
      'medische_wens',
      { wish: 'misschien', reason: 'op_verzoek_slachtoffer' },
      'wish',
      'Kies ja, nee of twijfel.',
    );
    await confirmThenRecord(
      reference,
      'medische_wens',
      { wish: 'ja', reason: 'op_verzoek_slachtoffer' },
      /Het medische spoor start/,
    );
    const after = await stateOf(reference);
    expect(after.medicalWish).toBe('ja');
    expect(after.openRequests.some((r) => r.kind === 'medische_zorg')).toBe(true);
  });

  test('language and interpreter', async () => {
    const { reference } = await newCase();
    await refused(
      reference,
      'taal',
      { language: 'Arabisch', reason: 'nieuwe_informatie' },
      'language',
      'Vul de taal in als code',
    );
    await confirmThenRecord(
      reference,
      'taal',
      { language: 'ar', interpreterNeeded: 'true', reason: 'nieuwe_informatie' },
      /De taal en de behoefte aan een tolk veranderen/,
    );
    const details = await detailsOf(reference);
    expect(details.language).toBe('ar');
    expect(details.interpreterNeeded).toBe(true);
  });

  test('transfer: the coordinator hands the case to another region; the casemanager may not', async () => {
    const { reference } = await newCase();
    const forged = await post(`/meldingen/${reference}/besluiten/overdracht/controleren`, {
      toRegionId: 'gelderland-zuid-midden',
    });
    expect(forged.statusCode).toBe(403);
    const page = await get(`/meldingen/${reference}`, 'coord');
    // The case's own region is no transfer to offer.
    expect(page.body).not.toMatch(/<option value="limburg"/);
    await confirmThenRecord(
      reference,
      'overdracht',
      { toRegionId: 'gelderland-zuid-midden' },
      /De melding wordt overgedragen aan CSG Gelderland-Zuid en -Midden/,
      'coord',
    );
    await transferred(reference);
  });
});

test('the API names a wrong correction field in the catalogue words in Dutch, the schema words in English', async () => {
  const { reference } = await newCase();
  const url = `/api/meldingen/${reference}/decisions/contactgegevens`;
  const ask = (body: object, lang: string) =>
    h.app.inject({
      method: 'POST',
      url,
      headers: { authorization: AS_CASEMANAGER, 'accept-language': lang },
      payload: body,
    });
  const nl = await ask({ phone: 'bel me maar', email: 'geen', name: '', reason: 'misschien' }, 'nl');
  expect(nl.statusCode).toBe(400);
  const byField = Object.fromEntries(
    (nl.json().problems as Array<{ field: string; message: string }>).map((p) => [p.field, p.message]),
  );
  expect(byField).toEqual({
    name: 'Vul een naam in van 1 tot 200 tekens.',
    phone: 'Vul een telefoonnummer in zoals 0612345678 of +31612345678.',
    email: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    reason: 'Kies een reden uit de lijst.',
  });
  const language = await h.app.inject({
    method: 'POST',
    url: `/api/meldingen/${reference}/decisions/taal`,
    headers: { authorization: AS_CASEMANAGER, 'accept-language': 'nl' },
    payload: { language: 'Arabisch', reason: 'invoerfout' },
  });
  expect(language.json().problems[0]).toMatchObject({
    field: 'language',
    message: 'Vul de taal in als code, zoals nl, ar, tr of pt-BR.',
  });
  const en = await ask({ phone: 'bel me maar', reason: 'invoerfout' }, 'en');
  expect(en.json().problems[0].message).toMatch(/^expected a phone number/);
});

test('the values shown on the correction forms and typed into them are never logged', async () => {
  const { reference } = await newCase();
  expect((await get(`/meldingen/${reference}`)).body).toContain('Nu: +31612300000');
  await confirmThenRecord(
    reference,
    'contactgegevens',
    { name: 'Geplante Naam', phone: '+31611122233', reason: 'gewijzigd' },
    /De nieuwe contactgegevens gelden meteen/,
  );
  const logged = logLines.join('\n');
  expect(logged).toContain('"event":"case_decision"');
  for (const value of [
    '+31612300000',
    'Voorbeeld Persoon',
    'Geplante Naam',
    '+31611122233',
    '+31687654321',
  ]) {
    expect(logged).not.toContain(value);
  }
});
