/**
 * 1,500 generated invalid or hostile requests against the intake service on a real dev server
 * (no worker: a started case would simply wait there and be counted). Every one must be answered
 * 4xx, nothing may start, injected markup must never come back unescaped, and the service must
 * still take a valid melding afterwards.
 */
import { testCode } from '../../testkit/staffAccounts';
import { buildIntake } from '../../testkit/meldingFixtures';
import { hostilePayloads, seededRandom } from '../../testkit/hostilePayloads';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const SEED = Number(process.env.HOSTILE_SEED ?? 20260301);

let h: IntakeHarness;
beforeAll(async () => {
  h = await startIntakeHarness({ withWorker: false });
});
afterAll(async () => {
  await h?.stop();
});

// Escaped markup keeps harmless words like "onerror=alert"; what must never come back is a raw "<".
const RAW_MARKUP = /<script>alert\(|<img src=x/;

describe('hostile and invalid input', () => {
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

  test('1,200 generated intake payloads to POST /api/meldingen: all 4xx, nothing started', async () => {
    const payloads = hostilePayloads(() => buildIntake(), 1200, SEED);
    const failures: string[] = [];
    for (const [i, p] of payloads.entries()) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/meldingen',
        headers: { authorization: AS_HELPLINE, 'content-type': p.contentType ?? 'application/json' },
        payload: p.raw ?? JSON.stringify(p.body),
      });
      count(res.statusCode);
      if (res.statusCode < 400 || res.statusCode >= 500)
        failures.push(`#${i} ${p.kind}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (
        RAW_MARKUP.test(res.body) &&
        !res.headers['content-type']?.toString().startsWith('application/json')
      ) {
        failures.push(`#${i} ${p.kind}: markup echoed in a non-JSON answer`);
      }
      if (
        res.statusCode === 400 &&
        p.body !== undefined &&
        typeof p.body === 'object' &&
        p.body !== null &&
        !Array.isArray(p.body)
      ) {
        // Field-level problems for every invalid object.
        const problems = res.json().problems;
        if (!Array.isArray(problems) || problems.length === 0)
          failures.push(`#${i} ${p.kind}: 400 without problems`);
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('200 generated form posts: all 400 with the form again, markup escaped, nothing started', async () => {
    const login = await injectLogin(h.app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}`,
    });
    const cookie = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
    const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
    const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(form.body)![1]!;
    const random = seededRandom(SEED + 1);
    const hostile = [
      `<script>alert('x')</script>`,
      `"><img src=x onerror=alert(1)>`,
      `'onmouseover='alert(1)`,
      'x'.repeat(600),
      '',
      '31-02-2026',
      '99:99',
      'Maastricht',
      'ja',
    ];
    const fields = [
      'kanaal',
      'beller',
      'tijdsoort',
      'datum',
      'tijd',
      'leeftijd',
      'leeftijdsgroep',
      'gemeente',
      'naam',
      'telefoon',
      'email',
      'medisch',
    ];
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const values: Record<string, string> = {
        _csrf: csrf,
        volgnummer: '123456',
        ontvangen: new Date().toISOString(),
      };
      for (const f of fields) if (random() < 0.8) values[f] = hostile[Math.floor(random() * hostile.length)]!;
      values.politie = hostile[Math.floor(random() * 4)]!; // never a valid choice: the form must refuse
      const res = await h.app.inject({
        method: 'POST',
        url: '/meldingen',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(values).toString(),
      });
      count(res.statusCode);
      if (res.statusCode !== 400) failures.push(`#${i}: ${res.statusCode}`);
      if (RAW_MARKUP.test(res.body) || res.body.includes(`'onmouseover='`))
        failures.push(`#${i}: markup echoed unescaped`);
      if (!res.body.includes('id="politie-fout"'))
        failures.push(`#${i}: the police wish problem is not next to its field`);
    }
    expect(failures).toEqual([]);
  });

  test('100 forged partner links and unsigned Twilio callbacks: all refused', async () => {
    const random = seededRandom(SEED + 2);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const token = Array.from(
        { length: 1 + Math.floor(random() * 300) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const page = await h.app.inject({ method: i % 2 ? 'GET' : 'POST', url: `/partner/${token}` });
      const sms = await h.app.inject({
        method: 'POST',
        url: `/twilio/sms-status/${token}`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': token.slice(0, 28),
        },
        payload: 'MessageSid=SM1&MessageStatus=failed',
      });
      count(page.statusCode);
      count(sms.statusCode);
      if (page.statusCode !== 404) failures.push(`partner #${i}: ${page.statusCode}`);
      if (sms.statusCode !== 403) failures.push(`twilio #${i}: ${sms.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  test('nothing was started, and the service still takes a valid melding', async () => {
    const { count: started } = await h.client.workflow.count(`TaskQueue = "${h.taskQueue}"`);
    expect(started).toBe(0);
    expect((await h.app.inject({ method: 'GET', url: '/gezond' })).statusCode).toBe(200);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE },
      payload: buildIntake(),
    });
    expect(res.statusCode).toBe(201);
    // The probe itself works: the one valid start is counted.
    for (
      let i = 0;
      i < 50 && (await h.client.workflow.count(`TaskQueue = "${h.taskQueue}"`)).count === 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await h.client.workflow.count(`TaskQueue = "${h.taskQueue}"`)).count).toBe(1);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`hostile requests: ${total}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(total).toBeGreaterThanOrEqual(1000);
  });

  test('a case with no worker to answer: the state answers 503 in seconds instead of hanging', async () => {
    const { reference } = buildIntake();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE },
      payload: { ...buildIntake(), reference },
    });
    expect(res.statusCode).toBe(201);
    const started = Date.now();
    const state = await h.app.inject({
      method: 'GET',
      url: `/api/meldingen/${reference}`,
      headers: { authorization: AS_HELPLINE },
    });
    expect(state.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
