/**
 * A partner's page for a request that runs as a task, with the case behind it played by a double
 * that keeps the task's state as the workflow does (accept, decline to the next tier, schedule,
 * done / not done) and, like Temporal, applies an update id once. The pages: the actions that fit
 * the state, each problem named by its field with nothing sent, the update id the form carries
 * passed on, and the link still the partner's way in after accepting, until the task is final.
 */
import { Writable } from 'node:stream';
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import { createLogger } from '../../config/logger';
import { createPartnerLinks } from '../../cases/links';
import type { MeldingService } from '../../cases/meldingService';
import type { RecipientTier } from '../../domain/vocabulary';
import { buildServer } from '../../web/server';
import { pathOf, TEST_CONFIG } from '../../testkit/intakeHarness';
import { fakeTaskCase, TASK_CASE_REF } from '../../testkit/taskCase';

let logged = '';
async function serve(service: MeldingService) {
  logged = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  return buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'info' }, sink),
    meldingen: service,
  });
}

const links = createPartnerLinks({ baseUrl: TEST_CONFIG.PUBLIC_BASE_URL, secret: TEST_CONFIG.LINK_SECRET });
function linkPath(tier: RecipientTier = 'primary', attempt = 1): string {
  return pathOf(
    links.actionUrl({
      meldingRef: TASK_CASE_REF,
      requestId: 'fmo-1',
      attempt,
      tier,
      expiresAt: new Date(Date.now() + 3600_000),
    }),
  );
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The update id the page put in the form for `action`. */
function actieIdOf(body: string, action: string): string {
  const form = new RegExp(
    `name="actie" value="${action}"\\s*/>\\s*<input type="hidden" name="actieId" value="([0-9a-f-]{36})"`,
  ).exec(body);
  if (!form) throw new Error(`no form for ${action}`);
  return form[1]!;
}

function post(app: Awaited<ReturnType<typeof serve>>, path: string, fields: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: path,
    headers: FORM,
    payload: new URLSearchParams(fields).toString(),
  });
}

test('while open: accept, or decline with a reason; each form its own update id', async () => {
  const { service, sent } = fakeTaskCase();
  const app = await serve(service);
  const page = await app.inject({ method: 'GET', url: linkPath() });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Ik neem dit verzoek aan');
  expect(page.body).toMatch(/<legend[^>]*>\s*Kunt u het niet doen\? Kies de reden\s*<\/legend>/);
  expect(page.body).toContain('id="afwijsreden-geen_capaciteit"');
  // Nothing to schedule before accepting.
  expect(page.body).not.toContain('name="datum"');
  const ids = ['aannemen', 'afwijzen'].map((a) => actieIdOf(page.body, a));
  expect(new Set(ids).size).toBe(2);
  // A fresh page, fresh ids: a form from an earlier page is never mistaken for this one's.
  const again = await app.inject({ method: 'GET', url: linkPath() });
  expect(actieIdOf(again.body, 'aannemen')).not.toBe(ids[0]);
  expect(sent).toHaveLength(0);
  await app.close();
});

test('decline: the reason is required (named next to its field); then the request goes to the next partner', async () => {
  const { service, sent, request } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const page = await app.inject({ method: 'GET', url: path });
  const actieId = actieIdOf(page.body, 'afwijzen');

  const missing = await post(app, path, { actie: 'afwijzen', actieId });
  expect(missing.statusCode).toBe(400);
  expect(missing.body).toContain('id="samenvatting"');
  expect(missing.body).toContain('href="#afwijsreden-geen_capaciteit"');
  expect(missing.body).toContain('id="afwijsreden-fout"');
  expect(missing.body).toContain('Kies de reden waarom u het verzoek afwijst.');
  // The same form, the same update id: sending it again after fixing it is still one action.
  expect(actieIdOf(missing.body, 'afwijzen')).toBe(actieId);
  const forged = await post(app, path, { actie: 'afwijzen', actieId, afwijsreden: 'geen_zin' });
  expect(forged.statusCode).toBe(400);
  expect(sent).toHaveLength(0);

  const declined = await post(app, path, { actie: 'afwijzen', actieId, afwijsreden: 'geen_capaciteit' });
  expect(declined.statusCode).toBe(200);
  expect(declined.body).toContain('Afgewezen: het verzoek gaat naar de volgende partner');
  expect(declined.body).toContain('(Geen capaciteit)');
  expect(declined.body).not.toContain('Voorbeeld Persoon');
  expect(sent).toEqual([
    {
      decision: {
        type: 'taak',
        input: {
          requestId: 'fmo-1',
          link: { tier: 'primary', attempt: 1 },
          by: 'partnerlink:forensisch_arts',
          step: { action: 'afwijzen', reason: 'geen_capaciteit' },
        },
      },
      options: { updateId: actieId },
    },
  ]);
  expect(request()).toMatchObject({ awaitedTier: 'backup', task: { state: 'afgewezen' } });

  // The link now says it was declined, and shows nothing of the victim.
  const later = await app.inject({ method: 'GET', url: path });
  expect(later.statusCode).toBe(200);
  expect(later.body).toContain('Afgewezen: het verzoek gaat naar de volgende partner');
  expect(later.body).not.toContain('Voorbeeld Persoon');
  // The backup's link is the one that may act now.
  const backup = await app.inject({ method: 'GET', url: linkPath('backup', 2) });
  expect(backup.statusCode).toBe(200);
  expect(backup.body).toContain('Ik neem dit verzoek aan');
  await app.close();
});

test('accept, schedule, done: the link stays in use until the task is final, then says what was recorded', async () => {
  const { service, sent, request } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const page = await app.inject({ method: 'GET', url: path });
  const acceptId = actieIdOf(page.body, 'aannemen');

  // Scheduling before accepting is not offered, and a forged post sends nothing.
  const early = await post(app, path, {
    actie: 'plannen',
    actieId: '3f0c9c8e-7a1b-4c2d-9e3f-0a1b2c3d4e5f',
    datum: '14-03-2026',
    tijd: '14:30',
    plaats: 'Polikliniek',
  });
  expect(early.statusCode).toBe(409);
  expect(early.body).toContain('Dit kan pas nadat u het verzoek heeft aangenomen.');
  expect(sent).toHaveLength(0);

  const accepted = await post(app, path, { actie: 'aannemen', actieId: acceptId });
  expect(accepted.statusCode).toBe(200);
  expect(accepted.body).toContain('Aangenomen: dank u');
  expect(accepted.body).toMatch(/<dt>Stand<\/dt>\s*<dd>Geaccepteerd<\/dd>/);
  expect(accepted.body).toContain('Nog geen afspraak vastgelegd');
  expect(accepted.body).toContain('name="datum"');
  expect(sent.at(-1)).toEqual({
    decision: {
      type: 'ontvangstbevestiging',
      input: { requestId: 'fmo-1', link: { tier: 'primary', attempt: 1 }, by: 'partnerlink:forensisch_arts' },
    },
    options: { updateId: acceptId },
  });

  // The link is not "used": it opens the task with the next actions.
  const reopened = await app.inject({ method: 'GET', url: path });
  expect(reopened.statusCode).toBe(200);
  expect(reopened.body).toContain('Afspraak vastleggen');
  expect(reopened.body).toContain('Voorbeeld Persoon');
  const planId = actieIdOf(reopened.body, 'plannen');

  const planned = await post(app, path, {
    actie: 'plannen',
    actieId: planId,
    datum: '14-03-2026',
    tijd: '14:30',
    plaats: '  Polikliniek Maastricht  ',
  });
  expect(planned.statusCode).toBe(200);
  expect(planned.body).toContain('Afspraak vastgelegd');
  expect(planned.body).toMatch(/<dd>Gepland<\/dd>/);
  expect(planned.body).toContain('14-03-2026, 14:30, Polikliniek Maastricht');
  expect(planned.body).toContain('Afspraak wijzigen');
  expect(sent.at(-1)).toEqual({
    decision: {
      type: 'taak',
      input: {
        requestId: 'fmo-1',
        link: { tier: 'primary', attempt: 1 },
        by: 'partnerlink:forensisch_arts',
        // Winter time in the Netherlands: one hour ahead of UTC.
        step: {
          action: 'plannen',
          appointment: { at: '2026-03-14T14:30:00+01:00', place: 'Polikliniek Maastricht' },
        },
      },
    },
    options: { updateId: planId },
  });
  // The place is no log's business.
  expect(logged).not.toContain('Polikliniek');
  expect(logged).toContain('"action":"plannen"');

  const doneId = actieIdOf(planned.body, 'uitgevoerd');
  const noOutcome = await post(app, path, { actie: 'uitgevoerd', actieId: doneId });
  expect(noOutcome.statusCode).toBe(400);
  expect(noOutcome.body).toContain('id="uitkomst-fout"');
  expect(noOutcome.body).toContain('Kies de uitkomst.');
  const count = sent.length;
  expect(count).toBe(2);

  const done = await post(app, path, {
    actie: 'uitgevoerd',
    actieId: doneId,
    uitkomst: 'afgerond_met_vervolg',
  });
  expect(done.statusCode).toBe(200);
  expect(done.body).toContain('Deze taak is afgerond');
  expect(done.body).toContain('Vastgelegd als uitgevoerd: Afgerond, met vervolgafspraak');
  expect(done.body).not.toContain('Voorbeeld Persoon');
  expect(request().task).toMatchObject({ state: 'uitgevoerd', outcome: 'afgerond_met_vervolg' });

  // Final: the link says what was recorded and when; a further post changes nothing.
  const closed = await app.inject({ method: 'GET', url: path });
  expect(closed.statusCode).toBe(200);
  expect(closed.body).toContain(
    'Vastgelegd als uitgevoerd: Afgerond, met vervolgafspraak, op 14-03-2026, 10:30',
  );
  const late = await post(app, path, {
    actie: 'niet_uitgevoerd',
    actieId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    nietreden: 'anders',
  });
  expect(late.statusCode).toBe(409);
  expect(late.body).toContain('Deze taak is afgerond');
  expect(sent).toHaveLength(count + 1);
  await app.close();
});

test('schedule: each bad field is named, everything typed is kept, nothing is sent', async () => {
  const { service, sent } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const first = await app.inject({ method: 'GET', url: path });
  await post(app, path, { actie: 'aannemen', actieId: actieIdOf(first.body, 'aannemen') });
  const page = await app.inject({ method: 'GET', url: path });
  const actieId = actieIdOf(page.body, 'plannen');
  const before = sent.length;

  const cases: Array<[Record<string, string>, string[]]> = [
    [{ datum: '31-02-2026', tijd: '14:30', plaats: 'Polikliniek' }, ['datum']],
    [{ datum: '2026-03-14', tijd: '14:30', plaats: 'Polikliniek' }, ['datum']],
    [{ datum: '14-03-2026', tijd: '25:00', plaats: 'Polikliniek' }, ['tijd']],
    [{ datum: '14-03-2026', tijd: '14:30', plaats: '   ' }, ['plaats']],
    [{ datum: '14-03-2026', tijd: '14:30', plaats: 'x'.repeat(201) }, ['plaats']],
    [{ datum: '', tijd: 'half drie', plaats: '' }, ['datum', 'tijd', 'plaats']],
  ];
  for (const [fields, named] of cases) {
    const refused = await post(app, path, { actie: 'plannen', actieId, ...fields });
    expect(refused.statusCode).toBe(400);
    for (const field of ['datum', 'tijd', 'plaats']) {
      const shown = refused.body.includes(`id="${field}-fout"`);
      expect([field, shown]).toEqual([field, named.includes(field)]);
    }
    for (const field of named) {
      expect(refused.body).toContain(`href="#${field}"`);
      expect(refused.body).toMatch(
        new RegExp(`id="${field}"[^>]*aria-describedby="${field}-hint ${field}-fout"`),
      );
    }
    if (fields.tijd) expect(refused.body).toContain(`value="${fields.tijd}"`);
  }
  expect(sent).toHaveLength(before);
  await app.close();
});

test('not done: the reason is required; then the task is final', async () => {
  const { service, request } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const first = await app.inject({ method: 'GET', url: path });
  await post(app, path, { actie: 'aannemen', actieId: actieIdOf(first.body, 'aannemen') });
  const page = await app.inject({ method: 'GET', url: path });
  const actieId = actieIdOf(page.body, 'niet_uitgevoerd');
  const missing = await post(app, path, { actie: 'niet_uitgevoerd', actieId });
  expect(missing.statusCode).toBe(400);
  expect(missing.body).toContain('id="nietreden-fout"');
  expect(missing.body).toContain('href="#nietreden-afgezegd_door_slachtoffer"');
  const notDone = await post(app, path, { actie: 'niet_uitgevoerd', actieId, nietreden: 'niet_verschenen' });
  expect(notDone.statusCode).toBe(200);
  expect(notDone.body).toContain('Vastgelegd als niet uitgevoerd: Slachtoffer niet verschenen');
  expect(request().task).toMatchObject({ state: 'niet_uitgevoerd', notDoneReason: 'niet_verschenen' });
  await app.close();
});

test('a form without its update id is refused as incomplete and sends nothing', async () => {
  const { service, sent } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const incomplete: Array<Record<string, string>> = [
    { actie: 'aannemen' },
    { actie: 'aannemen', actieId: 'eenmalig' },
    { actie: 'weg' },
  ];
  for (const fields of incomplete) {
    const refused = await post(app, path, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="formulier-fout"');
  }
  expect(sent).toHaveLength(0);
  await app.close();
});

test('the same form sent twice is one action: the same update id goes along, the task moves once', async () => {
  const { service, sent, request } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const first = await app.inject({ method: 'GET', url: path });
  await post(app, path, { actie: 'aannemen', actieId: actieIdOf(first.body, 'aannemen') });
  const page = await app.inject({ method: 'GET', url: path });
  const planId = actieIdOf(page.body, 'plannen');
  const fields = {
    actie: 'plannen',
    actieId: planId,
    datum: '20-03-2026',
    tijd: '9:15',
    plaats: 'Zorgcentrum',
  };
  const [one, two] = await Promise.all([post(app, path, fields), post(app, path, fields)]);
  expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
  const plans = sent.filter((s) => s.decision.type === 'taak');
  expect(plans.map((p) => p.options?.updateId)).toEqual([planId, planId]);
  expect(request().task).toMatchObject({
    state: 'gepland',
    appointment: { at: '2026-03-20T09:15:00+01:00' },
  });

  // Accept sent again after it took effect (a retry, a second tab): the task as it stands, nothing new.
  const before = sent.length;
  const reAccept = await post(app, path, { actie: 'aannemen', actieId: actieIdOf(first.body, 'aannemen') });
  expect(reAccept.statusCode).toBe(200);
  expect(reAccept.body).toMatch(/<dd>Gepland<\/dd>/);
  expect(sent).toHaveLength(before);
  await app.close();
});

test('no answer in time: the page says it is checking and shows the state, with the same update id to send again', async () => {
  const { service, sent, setUnavailable } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const page = await app.inject({ method: 'GET', url: path });
  const acceptId = actieIdOf(page.body, 'aannemen');
  setUnavailable(true);
  const waiting = await post(app, path, { actie: 'aannemen', actieId: acceptId });
  expect(waiting.statusCode).toBe(202);
  expect(waiting.body).toContain('We controleren of het is vastgelegd');
  expect(actieIdOf(waiting.body, 'aannemen')).toBe(acceptId);
  setUnavailable(false);
  const again = await post(app, path, { actie: 'aannemen', actieId: acceptId });
  expect(again.statusCode).toBe(200);
  expect(again.body).toContain('Aangenomen: dank u');
  expect(sent.map((s) => s.options?.updateId)).toEqual([acceptId, acceptId]);
  await app.close();
});

test('in English: the same page and answers in the English catalogue', async () => {
  const { service } = fakeTaskCase();
  const app = await serve(service);
  const path = linkPath();
  const english = { 'accept-language': 'en' };
  const page = await app.inject({ method: 'GET', url: path, headers: english });
  expect(page.body).toContain('<html lang="en"');
  expect(page.body).toContain('I accept this request');
  expect(page.body).toContain('No capacity');
  const accepted = await app.inject({
    method: 'POST',
    url: path,
    headers: { ...FORM, ...english },
    payload: new URLSearchParams({ actie: 'aannemen', actieId: actieIdOf(page.body, 'aannemen') }).toString(),
  });
  expect(accepted.body).toContain('Accepted: thank you');
  expect(accepted.body).toContain('Record the appointment');
  const refused = await app.inject({
    method: 'POST',
    url: path,
    headers: { ...FORM, ...english },
    payload: new URLSearchParams({
      actie: 'plannen',
      actieId: actieIdOf(accepted.body, 'plannen'),
      datum: '14-3',
      tijd: '14:30',
      plaats: 'Clinic',
    }).toString(),
  });
  expect(refused.statusCode).toBe(400);
  expect(refused.body).toContain('Enter the date as dd-mm-yyyy');
  await app.close();
});
