/**
 * What the intake service records for the semester figures and what it counts for Prometheus, on
 * a real dev server with the real workflow: the gender and earlier-abuse codes (form and API, with
 * clear errors), the aangifte decision, and `/metrics` behind its bearer token.
 */
import { testCode } from '../../testkit/staffAccounts';
import { regionForMunicipality } from '../../regions';
import { translator } from '../../i18n';
import { Registry } from 'prom-client';
import { createIntakeMetrics } from '../../config/metrics';
import { formToRawIntake, mergeSchemaProblems } from '../../web/intakeForm';
import { parseIntake } from '../../domain/intakeSchema';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(120_000);

const TOKEN = 'intake-metrics-token-0123456789abcdef';
let h: IntakeHarness;
let registry: Registry;
beforeAll(async () => {
  registry = new Registry();
  h = await startIntakeHarness({
    metrics: { registry, counters: createIntakeMetrics(registry), token: TOKEN },
  });
});
afterAll(async () => {
  await h?.stop();
});

const post = (url: string, body: unknown) =>
  h.app.inject({ method: 'POST', url, headers: { authorization: AS_HELPLINE }, payload: body as object });
const metrics = (authorization?: string) =>
  h.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

describe('gender and earlier sexual abuse: optional codes with clear errors', () => {
  test('the API refuses a free-text value, naming the field and the codes', async () => {
    const { reference: _r, ...raw } = buildIntake({});
    const res = await post('/api/meldingen', { ...raw, gender: 'female', earlierSexualAbuse: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual(
      expect.arrayContaining([
        {
          field: 'gender',
          code: 'invalid_value',
          message: 'expected the gender: "vrouw", "man", "anders" or "onbekend"',
        },
        {
          field: 'earlierSexualAbuse',
          code: 'invalid_value',
          message: 'expected whether there was earlier sexual abuse: "ja", "nee" or "onbekend"',
        },
      ]),
    );
  });

  test('absent is valid (counted as onbekend), codes are kept', () => {
    const without = parseIntake(buildIntake({}), regionForMunicipality);
    expect(without.ok && without.intake.gender).toBeUndefined();
    const withCodes = parseIntake(
      buildIntake({ gender: 'anders', earlierSexualAbuse: 'nee' }),
      regionForMunicipality,
    );
    expect(withCodes.ok && [withCodes.intake.gender, withCodes.intake.earlierSexualAbuse]).toEqual([
      'anders',
      'nee',
    ]);
  });

  test('the form offers both, "niet gevraagd" leaves them out, a tampered value gets a Dutch message', async () => {
    const session = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}&next=%2Fmeldingen%2Fnieuw`,
    });
    const cookie = session.cookies.find((c) => c.name === 'csg_sessie')!;
    const form = await h.app.inject({
      method: 'GET',
      url: '/meldingen/nieuw',
      headers: { cookie: `csg_sessie=${cookie.value}` },
    });
    expect(form.statusCode).toBe(200);
    const page = form.body;
    expect(page).toMatch(/<select\s+(class="[^"]*"\s+)?id="geslacht"\s+name="geslacht"/);
    expect(page).toMatch(/<select\s+(class="[^"]*"\s+)?id="eerder-misbruik"\s+name="eerder-misbruik"/);
    expect(page).toContain('— niet gevraagd —');

    const now = new Date('2026-09-01T12:00:00Z');
    const t = translator('nl');
    const notAsked = formToRawIntake({ geslacht: '', 'eerder-misbruik': '' }, 'helpline-017', now, t).raw;
    expect(notAsked.gender).toBeUndefined();
    expect(notAsked.earlierSexualAbuse).toBeUndefined();
    const asked = formToRawIntake({ geslacht: 'man', 'eerder-misbruik': 'ja' }, 'helpline-017', now, t).raw;
    expect([asked.gender, asked.earlierSexualAbuse]).toEqual(['man', 'ja']);

    const tampered = formToRawIntake({ geslacht: 'x' }, 'helpline-017', now, t);
    const parsed = parseIntake(tampered.raw, regionForMunicipality);
    expect(parsed.ok).toBe(false);
    const problems = mergeSchemaProblems(tampered.problems, parsed.ok ? [] : parsed.problems, t);
    expect(problems.geslacht).toBe('Kies vrouw, man, anders of onbekend (of laat het op "niet gevraagd").');
  });
});

describe('the aangifte decision', () => {
  test('recorded by the staff id; a wrong value names the field; an unknown case is 404', async () => {
    const { reference: _r, ...raw } = buildIntake({});
    const started = await post('/api/meldingen', raw);
    expect(started.statusCode).toBe(201);
    const { reference } = started.json() as { reference: string };

    const bad = await post(`/api/meldingen/${reference}/decisions/aangifte`, { made: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([
      {
        field: 'made',
        code: 'invalid_type',
        message: 'expected made as true or false (the victim says an aangifte was made)',
      },
    ]);
    const ok = await post(`/api/meldingen/${reference}/decisions/aangifte`, { made: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().decisions.at(-1)).toMatchObject({
      type: 'aangifte',
      value: 'gedaan',
      by: 'helpline-017',
    });
    expect(
      (await post(`/api/meldingen/CSG-LIM-2026-999997/decisions/aangifte`, { made: true })).statusCode,
    ).toBe(404);
  });
});

describe('/metrics on the intake service', () => {
  test('refused without the bearer token, also for a logged-in staff member', async () => {
    expect((await metrics()).statusCode).toBe(401);
    expect((await metrics(AS_HELPLINE)).statusCode).toBe(401);
    expect((await metrics(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
  });

  test('counts a started melding by channel and region once; a resubmission is not a new melding', async () => {
    const started = () =>
      metrics(`Bearer ${TOKEN}`).then((r) => {
        const line = r.body
          .split('\n')
          .find((l) =>
            l.startsWith('csg_meldingen_started_total{channel="chat",region="gelderland-zuid-midden"} '),
          );
        return line ? Number(line.split(' ')[1]) : 0;
      });
    const before = await started();
    const intake = buildIntake({
      channel: 'chat',
      municipality: 'Nijmegen',
      reference: 'CSG-GZM-2026-424242',
    });
    expect((await post('/api/meldingen', intake)).statusCode).toBe(201);
    expect((await post('/api/meldingen', intake)).statusCode).toBe(200);
    expect(await started()).toBe(before + 1);
  });
});
