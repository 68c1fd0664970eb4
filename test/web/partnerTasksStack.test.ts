/**
 * A partner's task through its link on the real stack (Temporal dev server, the real melding
 * workflow, the web service): the forensic doctor accepts the FMO, schedules it, reschedules it,
 * sends the same form twice (one step in the history) and reports it done; the link stays theirs
 * until then and afterwards says what was recorded. The sexual offences police decline the
 * informative interview with a reason: their link says so, the backup gets a link of its own that
 * may accept. Bad input changes nothing in the case. The owner's worklist lists the task with its
 * state and appointment time.
 */
import { buildIntake } from '../../testkit/meldingFixtures';
import {
  AS_CASEMANAGER,
  AS_HELPLINE,
  pathOf,
  startIntakeHarness,
  type IntakeHarness,
  type SentRequest,
} from '../../testkit/intakeHarness';
import { caseState, type CaseState, type RequestView } from '../../workflows/messages';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(async () => {
  await h?.stop();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stateOf = (reference: string): Promise<CaseState> =>
  h.client.workflow.getHandle(reference).query(caseState);

async function requestOf(reference: string, requestId: string): Promise<RequestView> {
  return (await stateOf(reference)).requests.find((r) => r.requestId === requestId)!;
}

/** A new acute case (police and medical care wished): its reference. */
async function startCase(): Promise<string> {
  const intake = buildIntake();
  const started = await h.app.inject({
    method: 'POST',
    url: '/api/meldingen',
    headers: { authorization: AS_HELPLINE },
    payload: intake,
  });
  expect(started.statusCode).toBe(201);
  return intake.reference;
}

/** The link sent for `requestId` (to `tier`, when named). */
function sentTo(reference: string, requestId: string, tier?: string): Promise<SentRequest> {
  return until(`the ${requestId} request${tier ? ` to ${tier}` : ''}`, () =>
    h.sent.find(
      (s) =>
        s.message.meldingRef === reference &&
        s.message.requestId === requestId &&
        (tier === undefined || s.message.tier === tier),
    ),
  );
}

function actieIdOf(body: string, action: string): string {
  const form = new RegExp(
    `name="actie" value="${action}"\\s*/>\\s*<input type="hidden" name="actieId" value="([0-9a-f-]{36})"`,
  ).exec(body);
  if (!form) throw new Error(`no form for ${action}`);
  return form[1]!;
}

function post(path: string, fields: Record<string, string>) {
  return h.app.inject({
    method: 'POST',
    url: path,
    headers: FORM,
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('a partner task through its link, on the real workflow', () => {
  test('accept, schedule (twice, once sent double), done: the link works until the task is final', async () => {
    const reference = await startCase();
    const path = pathOf((await sentTo(reference, 'fmo')).actionUrl);

    const open = await h.app.inject({ method: 'GET', url: path });
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('Ik neem dit verzoek aan');
    const accepted = await post(path, { actie: 'aannemen', actieId: actieIdOf(open.body, 'aannemen') });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('Aangenomen: dank u');
    expect(await requestOf(reference, 'fmo')).toMatchObject({
      status: 'acknowledged',
      task: { state: 'geaccepteerd' },
    });

    // Bad input: named, and the case unchanged.
    const page = await h.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    const bad = await post(path, {
      actie: 'plannen',
      actieId: actieIdOf(page.body, 'plannen'),
      datum: '31-02-2026',
      tijd: '14:30',
      plaats: 'Polikliniek',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="datum-fout"');
    expect((await requestOf(reference, 'fmo')).task).toMatchObject({ state: 'geaccepteerd' });

    const planId = actieIdOf(page.body, 'plannen');
    const plan = {
      actie: 'plannen',
      actieId: planId,
      datum: '14-03-2026',
      tijd: '14:30',
      plaats: 'Polikliniek Maastricht',
    };
    const [one, two] = [await post(path, plan), await post(path, plan)];
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.body).toContain('14-03-2026, 14:30, Polikliniek Maastricht');
    const planned = (await stateOf(reference)).decisions.filter(
      (d) => d.type === 'taak' && d.requestId === 'fmo',
    );
    expect(planned.map((d) => d.value)).toEqual(['plannen']);

    const moved = await post(path, {
      actie: 'plannen',
      actieId: actieIdOf(one.body, 'plannen'),
      datum: '15-03-2026',
      tijd: '9:00',
      plaats: 'Polikliniek Maastricht',
    });
    expect(moved.statusCode).toBe(200);
    // The owner's worklist (from the row the case keeps in its memo) shows the task as planned.
    const owned = await h.app.inject({
      method: 'POST',
      url: `/api/meldingen/${reference}/decisions/ontvangstbevestiging`,
      headers: { authorization: AS_CASEMANAGER },
      payload: { requestId: 'casemanager_overdracht' },
    });
    expect(owned.statusCode).toBe(200);
    const listed = await until('the planned task on the worklist', async () => {
      const list = await h.app.inject({
        method: 'GET',
        url: '/api/mijn-casussen',
        headers: { authorization: AS_CASEMANAGER },
      });
      const row = (
        list.json() as { cases: Array<{ reference: string; tasks?: Array<{ requestId: string }> }> }
      ).cases.find((c) => c.reference === reference);
      return row?.tasks?.find((t) => t.requestId === 'fmo');
    });
    expect(listed).toEqual({
      requestId: 'fmo',
      kind: 'fmo',
      role: 'forensisch_arts',
      state: 'gepland',
      appointmentAt: '2026-03-15T09:00:00+01:00',
    });
    expect((await requestOf(reference, 'fmo')).task).toMatchObject({
      state: 'gepland',
      appointment: { at: '2026-03-15T09:00:00+01:00', place: 'Polikliniek Maastricht' },
    });

    const done = await post(path, {
      actie: 'uitgevoerd',
      actieId: actieIdOf(moved.body, 'uitgevoerd'),
      uitkomst: 'afgerond',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Deze taak is afgerond');
    expect((await requestOf(reference, 'fmo')).task).toMatchObject({
      state: 'uitgevoerd',
      outcome: 'afgerond',
    });
    const closed = await h.app.inject({ method: 'GET', url: path });
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('Vastgelegd als uitgevoerd: Afgerond');
    expect(
      (await stateOf(reference)).decisions
        .filter((d) => d.type === 'taak' && d.requestId === 'fmo')
        .map((d) => d.value),
    ).toEqual(['plannen', 'plannen', 'uitgevoerd: afgerond']);
  });

  test('decline with a reason: the link says so; the backup gets its own link, which may accept', async () => {
    const reference = await startCase();
    const path = pathOf((await sentTo(reference, 'informatief_gesprek', 'primary')).actionUrl);
    const open = await h.app.inject({ method: 'GET', url: path });
    const actieId = actieIdOf(open.body, 'afwijzen');
    const missing = await post(path, { actie: 'afwijzen', actieId });
    expect(missing.statusCode).toBe(400);
    expect((await requestOf(reference, 'informatief_gesprek')).task?.declines).toEqual([]);

    const declined = await post(path, { actie: 'afwijzen', actieId, afwijsreden: 'buiten_werkgebied' });
    expect(declined.statusCode).toBe(200);
    expect(declined.body).toContain('Afgewezen: het verzoek gaat naar de volgende partner');
    const request = await requestOf(reference, 'informatief_gesprek');
    expect(request.task?.declines).toMatchObject([{ tier: 'primary', reason: 'buiten_werkgebied' }]);
    expect(request.awaitedTier).toBe('backup');

    const later = await h.app.inject({ method: 'GET', url: path });
    expect(later.body).toContain('Afgewezen: het verzoek gaat naar de volgende partner');
    expect(later.body).not.toContain('Voorbeeld Persoon');

    const backup = pathOf((await sentTo(reference, 'informatief_gesprek', 'backup')).actionUrl);
    const backupPage = await h.app.inject({ method: 'GET', url: backup });
    expect(backupPage.statusCode).toBe(200);
    const accepted = await post(backup, {
      actie: 'aannemen',
      actieId: actieIdOf(backupPage.body, 'aannemen'),
    });
    expect(accepted.statusCode).toBe(200);
    expect(await requestOf(reference, 'informatief_gesprek')).toMatchObject({
      status: 'acknowledged',
      task: { state: 'geaccepteerd' },
    });
  });
});
