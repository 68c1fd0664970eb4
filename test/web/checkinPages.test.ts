/**
 * The check-ins on the case page, against a real dev server and the real melding workflow: each
 * form's post reaches its decision as the signed-in staff member (a contact, the plan's three
 * changes at once; extending, the GGZ referral and the coordinator's besluit through their
 * confirmation), a date the form cannot read names its field and changes nothing, a casemanager of
 * another region and a post without the session's CSRF token are refused and change nothing, and
 * the worklist links a due check-in straight to the form.
 */
import { decide, startMelding } from '../../cases/meldingClient';
import { formatLocal, parseLocalDateTime } from '../../domain/localTime';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState, type CaseState } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

let h: IntakeHarness;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

const loginAs = (id: string, password: string) => formSession(h.app, id, password);

beforeAll(async () => {
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},coord-017:coordinator-wachtwoord-1,cm-gzm:casemanager-wachtwoord-2`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},coord-017=coordinator@alle,cm-gzm=casemanager@gelderland-zuid-midden`,
    },
  });
  sessions.cm = await loginAs('cm-017', 'casemanager-wachtwoord-1');
  sessions.coord = await loginAs('coord-017', 'coordinator-wachtwoord-1');
  sessions.elsewhere = await loginAs('cm-gzm', 'casemanager-wachtwoord-2');
});
afterAll(() => h?.stop());

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

const get = (url: string, as: string, lang = 'nl') =>
  h.app.inject({ method: 'GET', url, headers: { cookie: sessions[as]!.cookie, 'accept-language': lang } });

const post = (url: string, fields: Record<string, string>, as: string, lang = 'nl', csrf = true) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: sessions[as]!.cookie,
      'accept-language': lang,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ ...(csrf ? { _csrf: sessions[as]!.csrf } : {}), ...fields }).toString(),
  });

/** A Dutch date `days` from now and a time, as the form asks them, and that moment as pages show it. */
function dutch(days: number, time: string): { date: string; time: string; shown: string } {
  const date = formatLocal(new Date(Date.now() + days * 86_400_000).toISOString()).split(/,?\s/)[0]!;
  const parsed = parseLocalDateTime(date, time, new Date());
  if (!parsed.ok) throw new Error(`unreadable ${date} ${time}`);
  return { date, time, shown: formatLocal(parsed.iso) };
}

/** A Limburg case in watchful waiting whose handover cm-017 accepted: cm-017 owns it. */
async function ownedCase(): Promise<string> {
  const intake = buildIntake({ municipality: 'Maastricht', wishes: { police: 'nee', medicalCare: 'nee' } });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  const deadline = Date.now() + 20_000;
  while (!(await stateOf(intake.reference)).openRequests.some((r) => r.kind === 'casemanager_overdracht')) {
    if (Date.now() > deadline) throw new Error('no handover request');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await decide(h.client, intake.reference, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
  });
  const state = await stateOf(intake.reference);
  expect(state.phase).toBe('watchful_waiting');
  return intake.reference;
}

/** The plan's planned (not started) check-ins. */
const planned = (state: CaseState) => (state.checkInPlan ?? []).filter((c) => c.status === 'gepland');

describe('recording a contact from the case page', () => {
  test('the section shows the plan and the form; a reached contact with a next date is recorded at once and moves the plan', async () => {
    const reference = await ownedCase();
    const page = await get(`/meldingen/${reference}`, 'cm');
    expect(page.body).toContain('id="contactmomenten"');
    expect(page.body).toContain('id="contactplan"');
    expect(page.body).toContain('id="besluit-contactmoment"');
    // Recorded without a confirmation step: the form posts to the decision itself.
    expect(page.body).toContain(`action="/meldingen/${reference}/besluiten/contactmoment"`);
    // Every field has its label.
    for (const id of ['reached-true', 'outcome-gaat_goed', 'screening', 'nextDatum', 'retryDatum', 'note']) {
      expect(page.body).toContain(`for="contactmoment-${id}"`);
    }

    const next = dutch(5, '10:30');
    const recorded = await post(
      `/meldingen/${reference}/besluiten/contactmoment`,
      {
        reached: 'true',
        outcome: 'gaat_goed',
        note: 'Slaapt weer beter',
        nextDatum: next.date,
        nextTijd: next.time,
      },
      'cm',
    );
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`/meldingen/${reference}?gedaan=contactmoment`);
    const after = await stateOf(reference);
    expect(after.contacts?.at(-1)).toMatchObject({
      by: 'cm-017',
      reached: true,
      outcome: 'gaat_goed',
      note: 'Slaapt weer beter',
    });
    // The next planned check-in is at the moment given (Dutch time).
    expect(formatLocal(planned(after)[0]!.at)).toBe(next.shown);

    const shown = await get(`/meldingen/${reference}?gedaan=contactmoment`, 'cm');
    expect(shown.body).toContain('Het contact is vastgelegd.');
    const contacts = /<table[^>]*id="contacten"[\s\S]*?<\/table>/.exec(shown.body)?.[0] ?? '';
    expect(contacts).toContain('Gaat goed');
    expect(contacts).toContain('Slaapt weer beter');
    expect(contacts).toContain('cm-017');
  });

  test('not reached: the retry is planned and counted; a date it cannot read names its field and changes nothing', async () => {
    const reference = await ownedCase();
    const before = await stateOf(reference);
    const bad = await post(
      `/meldingen/${reference}/besluiten/contactmoment`,
      { reached: 'false', retryDatum: '31-02-2026', retryTijd: '09:00' },
      'cm',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#contactmoment-retryDatum"');
    expect(bad.body).toMatch(/id="contactmoment-retryDatum"[^>]*aria-invalid="true"/);
    expect(bad.body).toContain('Vul de datum van de nieuwe poging in als dd-mm-jjjj');
    // What was typed stays in the form.
    expect(bad.body).toContain('value="31-02-2026"');
    expect((await stateOf(reference)).contacts).toEqual(before.contacts);
    const english = await post(
      `/meldingen/${reference}/besluiten/contactmoment`,
      { reached: 'false', retryDatum: 'morgen', retryTijd: '09:00' },
      'cm',
      'en-GB',
    );
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Enter the date of the next attempt as dd-mm-yyyy');

    const retry = dutch(1, '09:15');
    const recorded = await post(
      `/meldingen/${reference}/besluiten/contactmoment`,
      { reached: 'false', retryDatum: retry.date, retryTijd: retry.time },
      'cm',
    );
    expect(recorded.statusCode).toBe(303);
    const after = await stateOf(reference);
    expect(after.contacts?.at(-1)).toMatchObject({ by: 'cm-017', reached: false });
    expect(formatLocal(after.contacts!.at(-1)!.retryAt!)).toBe(retry.shown);
    expect(after.failedContacts).toBe(1);
    const page = await get(`/meldingen/${reference}`, 'cm');
    expect(page.body).toContain('1 mislukte contactpoging op rij.');
    expect(page.body).toContain(`Niet bereikt; nieuwe poging ${retry.shown}`);
  });
});

describe('changing the plan', () => {
  test('add, move and cancel a check-in, each recorded at once as the casemanager', async () => {
    const reference = await ownedCase();
    const add = dutch(2, '14:00');
    const added = await post(
      `/meldingen/${reference}/besluiten/planning_toevoegen`,
      { planDatum: add.date, planTijd: add.time },
      'cm',
    );
    expect(added.statusCode).toBe(303);
    let state = await stateOf(reference);
    const extra = state.checkInPlan?.find((c) => c.id.startsWith('checkin-extra-'));
    expect(extra && formatLocal(extra.at)).toBe(add.shown);

    // The move form offers the planned check-ins by their moment.
    const page = await get(`/meldingen/${reference}`, 'cm');
    const form = /<form[^>]*id="besluit-planning_verplaatsen"[\s\S]*?<\/form>/.exec(page.body)?.[0] ?? '';
    expect(form).toContain(`value="${extra!.id}"`);
    expect(form).toContain(add.shown);

    const move = dutch(3, '11:45');
    const moved = await post(
      `/meldingen/${reference}/besluiten/planning_verplaatsen`,
      { checkInId: extra!.id, planDatum: move.date, planTijd: move.time },
      'cm',
    );
    expect(moved.statusCode).toBe(303);
    state = await stateOf(reference);
    expect(formatLocal(state.checkInPlan!.find((c) => c.id === extra!.id)!.at)).toBe(move.shown);

    const cancelled = await post(
      `/meldingen/${reference}/besluiten/planning_annuleren`,
      { checkInId: extra!.id },
      'cm',
    );
    expect(cancelled.statusCode).toBe(303);
    state = await stateOf(reference);
    expect(state.checkInPlan?.find((c) => c.id === extra!.id)?.status).toBe('geannuleerd');

    // A time in the past names the date field and changes nothing.
    const before = state.checkInPlan;
    const past = await post(
      `/meldingen/${reference}/besluiten/planning_toevoegen`,
      { planDatum: dutch(-2, '10:00').date, planTijd: '10:00' },
      'cm',
    );
    expect(past.statusCode).toBe(400);
    expect(past.body).toMatch(/id="planning_toevoegen-planDatum"[^>]*aria-invalid="true"/);
    expect((await stateOf(reference)).checkInPlan).toEqual(before);
  });

  test('extending to six months and referring to the GGZ go through their confirmation first', async () => {
    const reference = await ownedCase();
    const confirm = await post(`/meldingen/${reference}/besluiten/verlenging/controleren`, {}, 'cm');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Het plan krijgt de contactmomenten van zes maanden erbij');
    expect((await stateOf(reference)).extended).toBe(false);
    const extended = await post(`/meldingen/${reference}/besluiten/verlenging`, {}, 'cm');
    expect(extended.statusCode).toBe(303);
    expect((await stateOf(reference)).extended).toBe(true);
    // Extended once, the form is gone; a forged second post is refused in words, nothing changes.
    expect((await get(`/meldingen/${reference}`, 'cm')).body).not.toContain('id="besluit-verlenging"');
    const planExtended = (await stateOf(reference)).checkInPlan;
    const again = await post(`/meldingen/${reference}/besluiten/verlenging`, {}, 'cm');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Deze melding loopt al zes maanden.');
    const againEn = await post(`/meldingen/${reference}/besluiten/verlenging`, {}, 'cm', 'en-GB');
    expect(againEn.body).toContain('This melding already runs six months.');
    expect((await stateOf(reference)).checkInPlan).toEqual(planExtended);

    const ggz = await post(
      `/meldingen/${reference}/besluiten/ggz_verwijzing/controleren`,
      { reason: 'stressreactie' },
      'cm',
    );
    expect(ggz.statusCode).toBe(200);
    expect(ggz.body).toContain(
      'De verwijzing naar de GGZ start nu, met als reden: Aanhoudende stressreactie.',
    );
    const requestsBefore = (await stateOf(reference)).requests.length;
    const referred = await post(
      `/meldingen/${reference}/besluiten/ggz_verwijzing`,
      { reason: 'stressreactie' },
      'cm',
    );
    expect(referred.statusCode).toBe(303);
    const after = await stateOf(reference);
    expect(after.requests.length).toBeGreaterThan(requestsBefore);
    expect(after.decisions.at(-1)).toMatchObject({ by: 'cm-017' });
  });
});

describe('who may', () => {
  test('a casemanager of another region and a post without the CSRF token are refused; nothing changes', async () => {
    const reference = await ownedCase();
    const before = await stateOf(reference);
    const next = dutch(4, '10:00');
    const forms: Array<[string, Record<string, string>]> = [
      ['contactmoment', { reached: 'true', outcome: 'gaat_goed' }],
      ['planning_toevoegen', { planDatum: next.date, planTijd: next.time }],
      ['planning_annuleren', { checkInId: planned(before)[0]!.id }],
      ['verlenging', {}],
      ['ggz_verwijzing', { reason: 'wens_slachtoffer' }],
    ];
    for (const [name, fields] of forms) {
      const elsewhere = await post(`/meldingen/${reference}/besluiten/${name}`, fields, 'elsewhere');
      expect([403, 404]).toContain(elsewhere.statusCode);
      const noToken = await post(`/meldingen/${reference}/besluiten/${name}`, fields, 'cm', 'nl', false);
      expect(noToken.statusCode).toBe(403);
      expect(noToken.body).toContain('Formulier verlopen');
    }
    const after = await stateOf(reference);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.checkInPlan).toEqual(before.checkInPlan);
    expect(after.extended).toBe(before.extended);
    expect(after.decisions).toEqual(before.decisions);
  });

  test('after failed contacts the coordinator gets the besluit; a casemanager may not post it', async () => {
    const reference = await ownedCase();
    for (let i = 1; i <= 3; i++) {
      const retry = dutch(i, '09:00');
      const recorded = await post(
        `/meldingen/${reference}/besluiten/contactmoment`,
        { reached: 'false', retryDatum: retry.date, retryTijd: retry.time },
        'cm',
      );
      expect(recorded.statusCode).toBe(303);
    }
    const deadline = Date.now() + 20_000;
    while (!(await stateOf(reference)).openRequests.some((r) => r.kind === 'contactpogingen')) {
      if (Date.now() > deadline) throw new Error('the coordinator was never asked');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await get(`/meldingen/${reference}`, 'cm')).body).not.toContain('id="besluit-contactpogingen"');
    const forbidden = await post(
      `/meldingen/${reference}/besluiten/contactpogingen`,
      { besluit: 'blijven_proberen' },
      'cm',
    );
    expect(forbidden.statusCode).toBe(403);
    const coordPage = await get(`/meldingen/${reference}`, 'coord');
    expect(coordPage.body).toContain('id="besluit-contactpogingen"');
    expect(coordPage.body).toContain('3 mislukte contactpogingen op rij.');

    const confirm = await post(
      `/meldingen/${reference}/besluiten/contactpogingen/controleren`,
      { besluit: 'blijven_proberen' },
      'coord',
    );
    expect(confirm.statusCode).toBe(200);
    const decided = await post(
      `/meldingen/${reference}/besluiten/contactpogingen`,
      { besluit: 'blijven_proberen' },
      'coord',
    );
    expect(decided.statusCode).toBe(303);
    const after = await stateOf(reference);
    expect(after.failedContacts).toBe(0);
    expect(after.openRequests.some((r) => r.kind === 'contactpogingen')).toBe(false);
  });
});

describe('the worklist', () => {
  test('a due check-in links straight to the contact form and says how many attempts failed', async () => {
    const reference = await ownedCase();
    // Not reached: the retry in a few minutes is today's check-in, after one failed attempt.
    await decide(h.client, reference, {
      type: 'contactmoment',
      input: { reached: false, retryAt: new Date(Date.now() + 5 * 60_000).toISOString(), by: 'cm-017' },
    });
    const deadline = Date.now() + 20_000;
    let page = await get('/mijn-casussen', 'cm');
    while (!page.body.includes(`id="contact-${reference}"`)) {
      if (Date.now() > deadline) throw new Error('the check-in never reached the worklist');
      await new Promise((resolve) => setTimeout(resolve, 200));
      page = await get('/mijn-casussen', 'cm');
    }
    const today = /<table[^>]*id="vandaag"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    const row =
      new RegExp(`<tr>(?:(?!</tr>)[\\s\\S])*${reference}(?:(?!</tr>)[\\s\\S])*</tr>`).exec(today)?.[0] ?? '';
    expect(row).toContain(`href="/meldingen/${reference}#besluit-contactmoment"`);
    expect(row).toContain('Contact vastleggen');
    expect(row).toContain('1 mislukte poging');
    const english = await get('/mijn-casussen', 'cm', 'en-GB');
    expect(english.body).toContain('1 failed attempt');
  });
});
