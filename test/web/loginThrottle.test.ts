/**
 * Password guessing against the intake service: failed logins per staff id from one client and
 * per client address are throttled on every login path (form, POST /api/sessies), a wrong code
 * counting as a wrong password, and successful logins never are. The service's clock is moved by hand; nothing sleeps.
 */
import { createLogger } from '../../config/logger';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';
import { testCode } from '../../testkit/staffAccounts';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const WRONG_PASSWORD = 'raad-maar-eens-123';

let h: IntakeHarness;
let now = Date.now();
const logLines: string[] = [];

beforeAll(async () => {
  h = await startIntakeHarness({
    withWorker: false,
    clock: () => new Date(now),
    logger: createLogger({ level: 'info', name: 'intake-test' }, { write: (line) => logLines.push(line) }),
  });
});
afterAll(async () => {
  await h?.stop();
});
// Every test starts with every window passed, so one test's lock is not the next one's.
afterEach(() => {
  now += 16 * MINUTE;
});

/** The account's code at the service's (moved) time: right unless a test says otherwise. */
const codeNow = (id: string) => testCode(id, new Date(now));

function apiLogin(id: string, password: string, remoteAddress: string, code = codeNow(id)) {
  return h.app.inject({
    method: 'POST',
    url: '/api/sessies',
    remoteAddress,
    payload: { id, password, code },
  });
}

function formLogin(id: string, wachtwoord: string, remoteAddress: string, code = codeNow(id)) {
  return injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    remoteAddress,
    payload: { id, wachtwoord, code, next: '/meldingen/nieuw' },
  });
}

function loggedEvents(): Array<Record<string, unknown>> {
  return logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('after 10 wrong passwords the right one is refused with 429 and Retry-After; a colleague at the same address still logs in', async () => {
  const centre = '192.0.2.10';
  logLines.length = 0;
  for (let i = 0; i < 10; i++) {
    expect((await apiLogin('helpline-017', WRONG_PASSWORD, centre)).statusCode).toBe(401);
  }

  const refused = await apiLogin('helpline-017', 'helpline-wachtwoord-1', centre);
  expect(refused.statusCode).toBe(429);
  expect(refused.headers['retry-after']).toBe('900');
  expect(refused.json()).toEqual({
    error: 'too_many_attempts',
    message: expect.stringContaining('900 seconds'),
    retryAfterSeconds: 900,
  });
  expect(refused.json()).not.toHaveProperty('token');

  // The id is locked from this address on every path.
  const viaForm = await formLogin('helpline-017', 'helpline-wachtwoord-1', centre);
  expect(viaForm.statusCode).toBe(429);
  expect(Number(viaForm.headers['retry-after'])).toBeGreaterThan(0);

  const colleague = await apiLogin('ops', 'ops-wachtwoord-123', centre);
  expect(colleague.statusCode).toBe(201);
  expect(colleague.json().token).toEqual(expect.any(String));

  const tripped = loggedEvents().filter((e) => e.event === 'login_throttle_tripped');
  expect(tripped).toHaveLength(1);
  expect(tripped[0]).toMatchObject({ level: 40, scope: 'account', account: expect.any(String) });
  expect(loggedEvents().filter((e) => e.event === 'login_throttled')).toHaveLength(2);
  const logged = logLines.join('\n');
  expect(logged).not.toContain('helpline-017');
  expect(logged).not.toContain(WRONG_PASSWORD);
  expect(logged).not.toContain('helpline-wachtwoord-1');
});

test("ten wrong passwords for a colleague's id from another address do not lock the colleague out", async () => {
  const attacker = '2001:db8:66:1::5';
  for (let i = 0; i < 10; i++) {
    expect((await apiLogin('helpline-017', WRONG_PASSWORD, attacker)).statusCode).toBe(401);
  }
  // Another address in the attacker's /64 is the same client: still refused.
  expect((await apiLogin('helpline-017', 'helpline-wachtwoord-1', '2001:db8:66:1::9')).statusCode).toBe(429);
  // The real user, at the centre, logs in on every path.
  const centre = '192.0.2.17';
  expect((await apiLogin('helpline-017', 'helpline-wachtwoord-1', centre)).statusCode).toBe(201);
  expect((await formLogin('helpline-017', 'helpline-wachtwoord-1', centre)).statusCode).toBe(303);
});

test('wrong codes with the right password count as failed logins: the code cannot be guessed either', async () => {
  const centre = '192.0.2.18';
  const wrongCode = (id: string) => String((Number(codeNow(id)) + 500_000) % 1_000_000).padStart(6, '0');
  for (let i = 0; i < 10; i++) {
    const res = await apiLogin('helpline-017', 'helpline-wachtwoord-1', centre, wrongCode('helpline-017'));
    expect(res.statusCode).toBe(401);
  }
  expect((await apiLogin('helpline-017', 'helpline-wachtwoord-1', centre)).statusCode).toBe(429);
});

test('when the window has passed the locked id logs in again', async () => {
  const centre = '192.0.2.11';
  for (let i = 0; i < 10; i++) await apiLogin('ops', WRONG_PASSWORD, centre);
  expect((await apiLogin('ops', 'ops-wachtwoord-123', centre)).statusCode).toBe(429);
  now += 14 * MINUTE;
  const almost = await apiLogin('ops', 'ops-wachtwoord-123', centre);
  expect(almost.statusCode).toBe(429);
  expect(almost.json().retryAfterSeconds).toBe(60);
  now += MINUTE;
  expect((await apiLogin('ops', 'ops-wachtwoord-123', centre)).statusCode).toBe(201);
});

test('the form login says in Dutch how long to wait, with 429, keeping the id and never the password', async () => {
  const centre = '192.0.2.12';
  for (let i = 0; i < 10; i++) {
    expect((await formLogin('helpline-017', WRONG_PASSWORD, centre)).statusCode).toBe(401);
  }
  const refused = await formLogin('helpline-017', 'helpline-wachtwoord-1', centre);
  expect(refused.statusCode).toBe(429);
  expect(refused.headers['retry-after']).toBe('900');
  expect(refused.headers['content-type']).toMatch(/^text\/html/);
  expect(refused.body).toContain('Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.');
  expect(refused.body).toMatch(/name="id"\s+value="helpline-017"/);
  expect(refused.body).not.toContain('helpline-wachtwoord-1');
  expect(refused.cookies.find((c) => c.name === 'csg_sessie')).toBeUndefined();

  now += 14 * MINUTE + 30_000;
  expect((await formLogin('helpline-017', 'helpline-wachtwoord-1', centre)).body).toContain(
    'Probeer het over 1 minuut opnieuw.',
  );
});

test('50 failures from one address over many ids refuse that address, on every path; other addresses are not affected', async () => {
  const attacker = '203.0.113.5';
  logLines.length = 0;
  for (let i = 0; i < 50; i++) {
    expect((await apiLogin(`gok-${i}`, WRONG_PASSWORD, attacker, '123456')).statusCode).toBe(401);
  }
  const refused = await apiLogin('ops', 'ops-wachtwoord-123', attacker);
  expect(refused.statusCode).toBe(429);
  expect(refused.headers['retry-after']).toBe('900');
  expect((await formLogin('ops', 'ops-wachtwoord-123', attacker)).statusCode).toBe(429);
  expect((await apiLogin('ops', 'ops-wachtwoord-123', '192.0.2.13')).statusCode).toBe(201);

  const tripped = loggedEvents().filter((e) => e.event === 'login_throttle_tripped');
  expect(tripped).toEqual([expect.objectContaining({ level: 40, scope: 'client' })]);
  expect(logLines.join('\n')).not.toContain(attacker);
});

test('a whole shift logging in from one address is never throttled', async () => {
  const centre = '192.0.2.14';
  for (let i = 0; i < 60; i++) {
    const [id, password] =
      i % 2 === 0 ? ['helpline-017', 'helpline-wachtwoord-1'] : ['ops', 'ops-wachtwoord-123'];
    expect((await formLogin(id!, password!, centre)).statusCode).toBe(303);
    expect((await apiLogin(id!, password!, centre)).statusCode).toBe(201);
  }
});

test('a success clears the id: nine wrong, one right, nine wrong again still logs in', async () => {
  const centre = '192.0.2.15';
  for (let i = 0; i < 9; i++) await formLogin('helpline-017', WRONG_PASSWORD, centre);
  expect((await formLogin('helpline-017', 'helpline-wachtwoord-1', centre)).statusCode).toBe(303);
  for (let i = 0; i < 9; i++) await formLogin('helpline-017', WRONG_PASSWORD, centre);
  expect((await formLogin('helpline-017', 'helpline-wachtwoord-1', centre)).statusCode).toBe(303);
});

test('a Bearer token is not a password guess: an expired one counts for nothing', async () => {
  const centre = '192.0.2.16';
  for (let i = 0; i < 60; i++) {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/meldingen/CSG-LIM-2026-999999',
      remoteAddress: centre,
      headers: { authorization: 'Bearer forged.token' },
    });
    expect(res.statusCode).toBe(401);
  }
  expect((await apiLogin('ops', 'ops-wachtwoord-123', centre)).statusCode).toBe(201);
});
