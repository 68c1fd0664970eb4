/**
 * The login throttle on a hand-moved clock: the id limit, the IP limit, window expiry, success
 * clearing the id (not the IP), and the bound on tracked keys.
 */
import {
  createLoginThrottle,
  LOGIN_THROTTLE_DEFAULTS,
  type LoginThrottle,
} from '../../web/kit/loginThrottle';

const MINUTE = 60_000;
const CENTRE_IP = '192.0.2.10';

function throttleWithClock(options: { maxTrackedKeys?: number } = {}) {
  let now = Date.UTC(2026, 2, 9, 7, 0, 0);
  const throttle = createLoginThrottle({ now: () => now, ...options });
  return {
    throttle,
    advance(ms: number) {
      now += ms;
    },
  };
}

function failTimes(throttle: LoginThrottle, times: number, accountId: string, clientIp = CENTRE_IP) {
  for (let i = 0; i < times; i++) {
    expect(throttle.refusal({ accountId, clientIp })).toBeUndefined();
    throttle.recordFailure({ accountId, clientIp });
  }
}

test('the defaults are 10 failures per id and 50 per address in 15 minutes', () => {
  expect(LOGIN_THROTTLE_DEFAULTS).toMatchObject({
    windowMs: 15 * MINUTE,
    maxAccountFailures: 10,
    maxClientFailures: 50,
  });
});

test('ten failures for one id are each looked at; the eleventh attempt is refused, for the rest of the window', () => {
  const { throttle, advance } = throttleWithClock();
  const keys = { accountId: 'helpline-017', clientIp: CENTRE_IP };
  failTimes(throttle, 9, 'helpline-017');
  expect(throttle.refusal(keys)).toBeUndefined();
  expect(throttle.recordFailure(keys)).toEqual(['account']);

  expect(throttle.refusal(keys)).toEqual({ scope: 'account', retryAfterSeconds: 15 * 60 });
  advance(4 * MINUTE + 30_000);
  expect(throttle.refusal(keys)).toEqual({ scope: 'account', retryAfterSeconds: 10 * 60 + 30 });
  // Another address does not help: the id itself is locked.
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '198.51.100.7' })?.scope).toBe('account');
  // Another id from the same address is not affected.
  expect(throttle.refusal({ accountId: 'ops', clientIp: CENTRE_IP })).toBeUndefined();
});

test('when the window ends the id may try again, with a fresh count', () => {
  const { throttle, advance } = throttleWithClock();
  const keys = { accountId: 'helpline-017', clientIp: CENTRE_IP };
  failTimes(throttle, 10, 'helpline-017');
  advance(15 * MINUTE - 1);
  expect(throttle.refusal(keys)?.retryAfterSeconds).toBe(1);
  advance(1);
  expect(throttle.refusal(keys)).toBeUndefined();
  failTimes(throttle, 9, 'helpline-017');
  expect(throttle.refusal(keys)).toBeUndefined();
});

test('failures in a window that has passed do not count in the next', () => {
  const { throttle, advance } = throttleWithClock();
  failTimes(throttle, 9, 'helpline-017');
  advance(15 * MINUTE);
  failTimes(throttle, 9, 'helpline-017');
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toBeUndefined();
});

test("a successful login clears its id's failures but not the address's", () => {
  const { throttle } = throttleWithClock();
  const keys = { accountId: 'helpline-017', clientIp: CENTRE_IP };
  failTimes(throttle, 9, 'helpline-017');
  throttle.recordSuccess(keys);
  failTimes(throttle, 9, 'helpline-017');
  expect(throttle.refusal(keys)).toBeUndefined();

  // 18 failures from the address so far; 32 more (on other ids) lock it.
  for (let i = 0; i < 32; i++) throttle.recordFailure({ accountId: `guess-${i}`, clientIp: CENTRE_IP });
  throttle.recordSuccess(keys);
  expect(throttle.refusal(keys)?.scope).toBe('client');
});

test('successes never lock anybody out: a whole shift logging in from one address', () => {
  const { throttle } = throttleWithClock();
  for (let i = 0; i < 500; i++) {
    const keys = { accountId: `helpline-${i % 40}`, clientIp: CENTRE_IP };
    expect(throttle.refusal(keys)).toBeUndefined();
    throttle.recordSuccess(keys);
  }
  expect(throttle.trackedKeys()).toEqual({ accounts: 0, clients: 0 });
});

test('fifty failures from one address over many ids lock the address, for every id', () => {
  const { throttle, advance } = throttleWithClock();
  for (let i = 0; i < 49; i++) {
    const keys = { accountId: `guess-${i}`, clientIp: CENTRE_IP };
    expect(throttle.refusal(keys)).toBeUndefined();
    expect(throttle.recordFailure(keys)).toEqual([]);
  }
  expect(throttle.recordFailure({ accountId: 'guess-49', clientIp: CENTRE_IP })).toEqual(['client']);
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toEqual({
    scope: 'client',
    retryAfterSeconds: 15 * 60,
  });
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '198.51.100.7' })).toBeUndefined();
  advance(15 * MINUTE);
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toBeUndefined();
});

test('an attempt without an id counts for the address only', () => {
  const { throttle } = throttleWithClock();
  for (let i = 0; i < 50; i++) throttle.recordFailure({ accountId: undefined, clientIp: CENTRE_IP });
  expect(throttle.trackedKeys()).toEqual({ accounts: 0, clients: 1 });
  expect(throttle.refusal({ accountId: undefined, clientIp: CENTRE_IP })?.scope).toBe('client');
});

test('when both the id and the address are locked, the later end is named', () => {
  const { throttle, advance } = throttleWithClock();
  for (let i = 0; i < 45; i++) throttle.recordFailure({ accountId: `guess-${i}`, clientIp: CENTRE_IP });
  advance(5 * MINUTE);
  failTimes(throttle, 5, 'helpline-017');
  // The address locked at minute 5 (window from minute 0); the id not yet (5 of 10).
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toEqual({
    scope: 'client',
    retryAfterSeconds: 10 * 60,
  });
  for (let i = 0; i < 5; i++) throttle.recordFailure({ accountId: 'helpline-017', clientIp: '198.51.100.7' });
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toEqual({
    scope: 'account',
    retryAfterSeconds: 15 * 60,
  });
});

test('random ids cannot grow memory past the bound; the oldest windows go first', () => {
  const { throttle, advance } = throttleWithClock({ maxTrackedKeys: 100 });
  failTimes(throttle, 10, 'helpline-017', '198.51.100.7');
  for (let i = 0; i < 5000; i++) {
    advance(1);
    throttle.recordFailure({ accountId: `random-${i}`, clientIp: `10.0.${i >> 8}.${i & 255}` });
  }
  expect(throttle.trackedKeys()).toEqual({ accounts: 100, clients: 100 });
  // The oldest window was evicted to make room: bounded memory over remembering every guess.
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toBeUndefined();
  // The newest are still counted.
  failTimes(throttle, 9, 'random-4999');
  expect(throttle.refusal({ accountId: 'random-4999', clientIp: CENTRE_IP })?.scope).toBe('account');
});

test('expired windows are dropped as new failures arrive, so the map holds live windows only', () => {
  const { throttle, advance } = throttleWithClock();
  for (let i = 0; i < 30; i++) throttle.recordFailure({ accountId: `guess-${i}`, clientIp: `10.0.0.${i}` });
  expect(throttle.trackedKeys()).toEqual({ accounts: 30, clients: 30 });
  advance(15 * MINUTE);
  throttle.recordFailure({ accountId: 'helpline-017', clientIp: CENTRE_IP });
  expect(throttle.trackedKeys()).toEqual({ accounts: 1, clients: 1 });
});
