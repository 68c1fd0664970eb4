/**
 * The intake service end to end on a real Temporal dev server with the real melding workflow:
 * authentication, the JSON API (start, idempotency, state, decisions, OpenAPI), the Dutch form,
 * the partner link pages and the Twilio status callback.
 */
import { testCode } from '../../testkit/staffAccounts';
import twilio from 'twilio';
import { buildIntake } from '../../testkit/meldingFixtures';
import {
  AS_CASEMANAGER,
  AS_HELPLINE,
  AS_HELPLINE_COLLEAGUE,
  pathOf,
  startIntakeHarness,
  TEST_CONFIG,
  type IntakeHarness,
} from '../../testkit/intakeHarness';
import { createPartnerLinks } from '../../cases/links';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({
    method: 'POST',
    url,
    headers: { authorization: AS_HELPLINE, ...headers },
    payload: body as object,
  });
}

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function countRuns(reference: string): Promise<number> {
  const { count } = await h.client.workflow.count(`WorkflowId = "${reference}"`);
  return count;
}

describe('authentication', () => {
  test('nothing under /api or the form without staff credentials; the OpenAPI document is public', async () => {
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/meldingen/CSG-LIM-2026-000001' })).statusCode,
    ).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/meldingen', payload: {} })).statusCode).toBe(401);
    // Basic is refused even with the right password: it cannot carry the second factor.
    const basic = `Basic ${Buffer.from('helpline-017:helpline-wachtwoord-1').toString('base64')}`;
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/meldingen',
          headers: { authorization: basic },
          payload: {},
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/meldingen/x',
          headers: { authorization: 'Bearer forged.token' },
        })
      ).statusCode,
    ).toBe(401);
    const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toMatch(/^\/inloggen/);

    const doc = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const openapi = doc.json();
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/meldingen',
        '/api/meldingen/{reference}',
        '/api/meldingen/{reference}/decisions/politiewens',
      ]),
    );
    expect(openapi.components.schemas.MeldingIntake.properties.municipality).toBeDefined();
  });

  test('a Bearer session token from POST /api/sessies works for the API', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/sessies',
      payload: { id: 'ops', password: 'ops-wachtwoord-123', code: testCode('ops') },
    });
    expect(login.statusCode).toBe(201);
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/meldingen/CSG-LIM-2026-999999',
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('JSON API', () => {
  test('an invalid intake answers 400 with field-level problems and starts nothing', async () => {
    const intake = buildIntake({ municipality: 'Atlantis', wishes: { police: 'misschien' as never } });
    const res = await post('/api/meldingen', intake);
    expect(res.statusCode).toBe(400);
    const fields = res.json().problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['municipality', 'wishes.police']));
    expect(await countRuns(intake.reference)).toBe(0);
  });

  test('API errors carry stable codes, and answer in Dutch when the client asks for Dutch', async () => {
    const intake = buildIntake({ municipality: 'Atlantis', wishes: { police: 'misschien' as never } });
    const english = await post('/api/meldingen', intake);
    const dutch = await h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE, 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' },
      payload: intake,
    });
    expect(english.statusCode).toBe(400);
    expect(dutch.statusCode).toBe(400);
    const byField = (res: typeof english) =>
      Object.fromEntries(
        res.json().problems.map((p: { field: string; code: string; message: string }) => [p.field, p]),
      );
    // The same codes in either language: programs read those.
    expect(byField(dutch)['wishes.police'].code).toBe(byField(english)['wishes.police'].code);
    expect(byField(english)['wishes.police'].code).toBe('invalid_value');
    expect(byField(dutch)['wishes.police'].message).toBe('Kies ja, nee of twijfel.');
    expect(byField(dutch)['municipality'].message).toContain('Kies een gemeente uit de lijst');
    expect(byField(english)['municipality'].message).toContain('expected the name of a Dutch municipality');

    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/meldingen/CSG-LIM-2026-999998',
      headers: { authorization: AS_HELPLINE, 'accept-language': 'nl' },
    });
    expect(unknown.json()).toEqual({ error: 'not_found', message: 'geen melding met deze referentie' });
    const noAuth = await h.app.inject({ method: 'GET', url: '/api/meldingen/CSG-LIM-2026-999998' });
    expect(noAuth.json()).toEqual({
      error: 'unauthorized',
      message: 'Bearer session token required (POST /api/sessies)',
    });
  });

  test('a registration time in the future is refused: it would shift the triage lines', async () => {
    const intake = buildIntake({ receivedAt: new Date(Date.now() + 60 * 60_000).toISOString() });
    const res = await post('/api/meldingen', intake);
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([
      { field: 'receivedAt', code: 'in_future', message: expect.stringContaining('not in the future') },
    ]);
    expect(await countRuns(intake.reference)).toBe(0);
  });

  test('start, repeat with the same reference: one case; state without personal data; decisions', async () => {
    const intake = buildIntake();
    const first = await post('/api/meldingen', intake);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'started',
      reference: intake.reference,
      triage: { window: 'binnen_72_uur', acute: true },
    });

    const again = await post('/api/meldingen', intake);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'already_exists', reference: intake.reference });
    expect(await countRuns(intake.reference)).toBe(1);

    const state = await h.app.inject({
      method: 'GET',
      url: `/api/meldingen/${intake.reference}`,
      headers: { authorization: AS_HELPLINE },
    });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({ reference: intake.reference, regionId: 'limburg' });
    for (const personal of ['Voorbeeld Persoon', '+31612300000', 'slachtoffer@voorbeeld.example']) {
      expect(state.body).not.toContain(personal);
    }

    const base = `/api/meldingen/${intake.reference}/decisions`;
    const wish = await post(`${base}/politiewens`, { wish: 'nee' });
    expect(wish.statusCode).toBe(200);
    expect(wish.json().decisions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'politie_wens', by: 'helpline-017' })]),
    );

    expect((await post(`${base}/politiewens`, { wish: 'misschien' })).statusCode).toBe(400);
    expect((await post(`${base}/politiewens`, { wish: 'ja', by: 'iemand-anders' })).statusCode).toBe(400);
    expect((await post(`${base}/onbekend`, {})).statusCode).toBe(404);
    const rejected = await post(
      `${base}/ontvangstbevestiging`,
      { requestId: 'bestaat-niet' },
      { authorization: AS_CASEMANAGER },
    );
    expect(rejected.statusCode).toBe(409);
    expect(rejected.json().problems[0].field).toBe('requestId');
    expect((await post(`/api/meldingen/CSG-LIM-2026-999998/decisions/intrekking`, {})).statusCode).toBe(404);
    expect((await post(`/api/meldingen/<script>/decisions/intrekking`, {})).statusCode).toBe(400);
  });

  test('a correction of the incident time is checked like the intake: range forwards, not after the intake', async () => {
    const receivedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const intake = buildIntake({ receivedAt });
    expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
    const correct = (incidentTime: unknown, headers: Record<string, string> = {}) =>
      post(`/api/meldingen/${intake.reference}/decisions/incidenttijd`, { incidentTime }, headers);
    const hoursBeforeIntake = (hours: number) =>
      new Date(Date.parse(receivedAt) - hours * 60 * 60_000).toISOString();

    // A range that runs backwards is refused by the API itself, before it reaches the case.
    const backwards = await correct({
      kind: 'approximate',
      earliest: hoursBeforeIntake(2),
      latest: hoursBeforeIntake(5),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().problems).toEqual([
      {
        field: 'incidentTime.latest',
        code: 'custom',
        message: 'expected the latest possible time to be on or after the earliest possible time',
      },
    ]);
    const malformed = await correct({ kind: 'exact', at: 'gisteravond' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().problems[0].field).toBe('incidentTime.at');

    // Only the case knows its intake time: it refuses a time after it, with the intake's words.
    const afterIntake = await correct({ kind: 'exact', at: new Date().toISOString() });
    expect(afterIntake.statusCode).toBe(409);
    expect(afterIntake.json().problems).toEqual([
      {
        field: 'incidentTime.at',
        code: 'rejected',
        message: 'expected an incident time before the intake was registered (receivedAt)',
      },
    ]);
    // In Dutch, the intake form's words for the same field.
    const dutch = await correct({ kind: 'exact', at: new Date().toISOString() }, { 'accept-language': 'nl' });
    expect(dutch.json().problems[0]).toMatchObject({
      field: 'incidentTime.at',
      message: 'Het incident kan niet later zijn dan het moment van melden.',
    });

    const accepted = await correct({ kind: 'exact', at: hoursBeforeIntake(30) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().triage.window).toBe('binnen_72_uur');
    expect(accepted.json().decisions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'incidenttijd', by: 'helpline-017' })]),
    );
  });

  test('an Idempotency-Key without a reference maps a retried request to the same case', async () => {
    const { reference: _unused, ...intake } = buildIntake({ municipality: 'Nijmegen' });
    const headers = { 'idempotency-key': `retry-${Date.now()}-abcdef` };
    const first = await post('/api/meldingen', intake, headers);
    expect(first.statusCode).toBe(201);
    expect(first.json().reference).toMatch(/^CSG-GZM-\d{4}-\d{6}$/);
    const second = await post('/api/meldingen', intake, headers);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'already_exists', reference: first.json().reference });
  });
});

describe('partner link pages and the SMS status callback', () => {
  test('the casemanager acknowledges from the link; the link then says it was used; expired and forged links say so', async () => {
    const intake = buildIntake();
    expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
    const handover = await waitFor(() =>
      h.sent.find(
        (s) => s.message.meldingRef === intake.reference && s.message.requestId === 'casemanager_overdracht',
      ),
    );
    const path = pathOf(handover.actionUrl);

    const page = await h.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Overdracht aan de piket-casemanager');
    expect(page.body).toContain('Voorbeeld Persoon'); // the casemanager sees the safe contact details
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    // Tampered and expired links are refused and change nothing: the request is still open.
    const tokenLinks = createPartnerLinks({
      baseUrl: TEST_CONFIG.PUBLIC_BASE_URL,
      secret: TEST_CONFIG.LINK_SECRET,
    });
    const stale = tokenLinks.actionUrl({
      meldingRef: intake.reference,
      requestId: 'casemanager_overdracht',
      attempt: 1,
      tier: 'primary',
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await h.app.inject({ method: 'POST', url: pathOf(stale), payload: {} })).statusCode).toBe(410);
    const tampered = `${path.slice(0, -3)}xyz`;
    expect((await h.app.inject({ method: 'POST', url: tampered, payload: {} })).statusCode).toBe(404);
    const before = await h.app.inject({
      method: 'GET',
      url: `/api/meldingen/${intake.reference}`,
      headers: { authorization: AS_HELPLINE },
    });
    expect(
      before.json().requests.find((r: { requestId: string }) => r.requestId === 'casemanager_overdracht'),
    ).toMatchObject({ status: 'open' });

    const ack = await h.app.inject({ method: 'POST', url: path, payload: {} });
    expect(ack.statusCode).toBe(200);
    expect(ack.body).toContain('Bevestigd');
    const state = await h.app.inject({
      method: 'GET',
      url: `/api/meldingen/${intake.reference}`,
      headers: { authorization: AS_HELPLINE },
    });
    const request = state
      .json()
      .requests.find((r: { requestId: string }) => r.requestId === 'casemanager_overdracht');
    expect(request).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'partnerlink:casemanager' });

    const used = await h.app.inject({ method: 'GET', url: path });
    expect(used.statusCode).toBe(409);
    expect(used.body).toContain('Deze link is al gebruikt');
    // Replayed: refused, and the acknowledgement recorded first stands unchanged.
    expect((await h.app.inject({ method: 'POST', url: path, payload: {} })).statusCode).toBe(409);
    const after = await h.app.inject({
      method: 'GET',
      url: `/api/meldingen/${intake.reference}`,
      headers: { authorization: AS_HELPLINE },
    });
    expect(
      after.json().requests.find((r: { requestId: string }) => r.requestId === 'casemanager_overdracht'),
    ).toEqual(request);
    expect(
      after
        .json()
        .decisions.filter(
          (d: { type: string; requestId?: string }) =>
            d.type === 'ontvangstbevestiging' && d.requestId === 'casemanager_overdracht',
        ),
    ).toHaveLength(1);

    const links = createPartnerLinks({
      baseUrl: TEST_CONFIG.PUBLIC_BASE_URL,
      secret: TEST_CONFIG.LINK_SECRET,
    });
    const expired = links.actionUrl({
      meldingRef: intake.reference,
      requestId: 'casemanager_overdracht',
      attempt: 1,
      tier: 'primary',
      expiresAt: new Date(Date.now() - 1000),
    });
    const expiredPage = await h.app.inject({ method: 'GET', url: pathOf(expired) });
    expect(expiredPage.statusCode).toBe(410);
    expect(expiredPage.body).toContain('Deze link is verlopen');
    const forged = await h.app.inject({ method: 'GET', url: `${path.slice(0, -3)}xyz` });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Deze link is ongeldig');
  });

  test('a signed Twilio callback with a final status reaches the workflow; an unsigned one is refused', async () => {
    const intake = buildIntake();
    expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
    const handover = await waitFor(() =>
      h.sent.find(
        (s) => s.message.meldingRef === intake.reference && s.message.requestId === 'casemanager_overdracht',
      ),
    );
    const links = createPartnerLinks({
      baseUrl: TEST_CONFIG.PUBLIC_BASE_URL,
      secret: TEST_CONFIG.LINK_SECRET,
    });
    const url = links.smsStatusCallbackUrl({
      meldingRef: intake.reference,
      requestId: 'casemanager_overdracht',
      attempt: handover.message.attempt,
    });
    const params = {
      MessageSid: 'SM00000000000000000000000000000001',
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    };
    const signature = twilio.getExpectedTwilioSignature(TEST_CONFIG.TWILIO_AUTH_TOKEN, url, params);
    const form = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };

    const unsigned = await h.app.inject({ method: 'POST', url: pathOf(url), headers, payload: form });
    expect(unsigned.statusCode).toBe(403);
    const badSig = await h.app.inject({
      method: 'POST',
      url: pathOf(url),
      headers: { ...headers, 'x-twilio-signature': 'AAAA' },
      payload: form,
    });
    expect(badSig.statusCode).toBe(403);

    const ok = await h.app.inject({
      method: 'POST',
      url: pathOf(url),
      headers: { ...headers, 'x-twilio-signature': signature },
      payload: form,
    });
    expect(ok.statusCode).toBe(204);
    // The workflow treats an undelivered handover as a reason to escalate at once.
    await waitFor(() =>
      h.sent.find(
        (s) =>
          s.message.meldingRef === intake.reference &&
          s.message.requestId === 'casemanager_overdracht' &&
          s.message.attempt > handover.message.attempt,
      ),
    );

    const sentParams = { MessageSid: 'SM00000000000000000000000000000002', MessageStatus: 'sent' };
    const notFinal = await h.app.inject({
      method: 'POST',
      url: pathOf(url),
      headers: {
        ...headers,
        'x-twilio-signature': twilio.getExpectedTwilioSignature(
          TEST_CONFIG.TWILIO_AUTH_TOKEN,
          url,
          sentParams,
        ),
      },
      payload: new URLSearchParams(sentParams).toString(),
    });
    expect(notFinal.statusCode).toBe(204);
  });
});

describe('the Dutch intake form', () => {
  async function login(): Promise<string> {
    const res = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}&next=%2Fmeldingen%2Fnieuw`,
    });
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === 'csg_sessie')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    return `csg_sessie=${cookie.value}`;
  }

  function hidden(page: string, name: string): string {
    return new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(page)![1]!;
  }

  test('a wrong password says so without saying which half was wrong', async () => {
    const res = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'id=helpline-017&wachtwoord=fout',
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Inloggen is niet gelukt');
  });

  test('invalid input keeps everything typed, names each problem by its field, and escapes HTML; then a valid submit shows triage', async () => {
    const cookie = await login();
    const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<select\s+(class="[^"]*"\s+)?id="kanaal"\s+name="kanaal"\s+autofocus/);
    expect(form.body).toMatch(/<legend[^>]*>\s*Wanneer gebeurde het\?\s*<\/legend>/);
    const fields = {
      _csrf: hidden(form.body, '_csrf'),
      volgnummer: hidden(form.body, 'volgnummer'),
      ontvangen: hidden(form.body, 'ontvangen'),
      kanaal: 'telefoon',
      beller: 'slachtoffer',
      tijdsoort: 'exact',
      datum: 'vandaag',
      tijd: '25:99',
      leeftijd: '',
      leeftijdsgroep: '18+',
      gemeente: 'Maastricht',
      politie: 'ja',
      naam: '<script>alert(1)</script>',
      telefoon: 'bel me',
    };
    const invalid = await h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toMatch(/class="[^"]*\bsamenvatting"/);
    expect(invalid.body).toContain('href="#tijd"');
    expect(invalid.body).toContain('id="tijd-fout"');
    expect(invalid.body).toContain('id="medisch-fout"');
    expect(invalid.body).toContain('id="telefoon-fout"');
    expect(invalid.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(invalid.body).not.toContain('<script>');
    expect(invalid.body).toContain('value="Maastricht"');
    expect(invalid.body).toMatch(/id="politie-ja"\s+name="politie"\s+value="ja"\s+checked/);

    const valid = await h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...fields,
        tijd: '00:01',
        medisch: 'ja',
        telefoon: '0612345678',
        naam: 'Test',
      }).toString(),
    });
    expect(valid.statusCode).toBe(201);
    expect(valid.body).toContain('Melding geregistreerd');
    expect(valid.body).toContain('Acuut');
    const reference = /id="referentie">([^<]+)</.exec(valid.body)![1]!;
    expect(reference).toMatch(/^CSG-LIM-\d{4}-\d{6}$/);

    // The same form sent twice (a double click, a refresh): the existing case, no second one.
    const again = await h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...fields,
        tijd: '00:01',
        medisch: 'ja',
        telefoon: '0612345678',
        naam: 'Test',
      }).toString(),
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Deze melding was al geregistreerd');
    expect(await countRuns(reference)).toBe(1);
  });

  test("a made-up reference that belongs to somebody else's case: the form starts a new case under another", async () => {
    const cookie = await login();
    const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
    const volgnummer = hidden(form.body, 'volgnummer');
    const ontvangen = hidden(form.body, 'ontvangen');
    const taken = `CSG-LIM-${new Date(ontvangen).getUTCFullYear()}-${volgnummer}`;
    const other = await h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE_COLLEAGUE },
      payload: buildIntake({
        reference: taken,
        receivedAt: new Date(Date.parse(ontvangen) - 3600_000).toISOString(),
      }),
    });
    expect(other.statusCode).toBe(201);
    await waitFor(() => h.sent.find((s) => s.message.meldingRef === taken));

    const res = await h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: hidden(form.body, '_csrf'),
        volgnummer,
        ontvangen,
        kanaal: 'telefoon',
        beller: 'naaste',
        tijdsoort: 'onbekend',
        leeftijdsgroep: '0-15',
        gemeente: 'Venlo',
        politie: 'twijfel',
        medisch: 'nee',
      }).toString(),
    });
    expect(res.statusCode).toBe(201);
    const reference = /id="referentie">([^<]+)</.exec(res.body)![1]!;
    expect(reference).not.toBe(taken);
    expect(reference).toMatch(/^CSG-LIM-\d{4}-\d{6}$/);
  });

  test('a form post without the session-bound CSRF token is refused', async () => {
    const cookie = await login();
    const res = await h.app.inject({
      method: 'POST',
      url: '/meldingen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'kanaal=telefoon',
    });
    expect(res.statusCode).toBe(403);
  });
});
