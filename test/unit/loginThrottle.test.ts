/**
 * The login throttle on a hand-moved clock: the limit per id from one client, the client limit
 * (IPv6 by /64), window expiry and backoff, success clearing the id (not the client), and a
 * bounded memory that never evicts a live lock.
 */
import {
  createLoginThrottle,
  LOGIN_THROTTLE_DEFAULTS,
  type LoginThrottle,
} from '../../web/kit/loginThrottle';

const MINUTE = 60_000;
const CENTRE_IP = '192.0.2.10';

function throttleWithClock(options: { maxTrackedKeys?: number; maxLockMs?: number } = {}) {
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

test('the defaults are 10 failures per id from one client and 50 per client in 15 minutes', () => {
  expect(LOGIN_THROTTLE_DEFAULTS).toMatchObject({
    windowMs: 15 * MINUTE,
    maxAccountFailures: 10,
    maxClientFailures: 50,
    maxLockMs: 4 * 60 * MINUTE,
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
  // The real user at another address is not locked out by these failures: no lock on an id alone.
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '198.51.100.7' })).toBeUndefined();
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
  // Five more for the id from this address (counted, as a direct call does not ask first).
  for (let i = 0; i < 5; i++) throttle.recordFailure({ accountId: 'helpline-017', clientIp: CENTRE_IP });
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toEqual({
    scope: 'account',
    retryAfterSeconds: 15 * 60,
  });
});

test('10,000 junk failures do not lift a lock: memory stays bounded, a live lock is never evicted', () => {
  const { throttle, advance } = throttleWithClock({ maxTrackedKeys: 100 });
  failTimes(throttle, 10, 'helpline-017', '198.51.100.7');
  for (let i = 0; i < 10_000; i++) {
    advance(1);
    throttle.recordFailure({
      accountId: `random-${i}`,
      clientIp: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
    });
  }
  expect(throttle.trackedKeys()).toEqual({ accounts: 100, clients: 100 });
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '198.51.100.7' })?.scope).toBe('account');
  // Once the junk has been forgotten there is room again for new keys.
  advance(15 * MINUTE);
  failTimes(throttle, 10, 'random-new', '10.200.0.1');
  expect(throttle.refusal({ accountId: 'random-new', clientIp: '10.200.0.1' })?.scope).toBe('account');
});

test('with the default bound, 10,000 junk failures from 10,000 addresses leave every lock in place', () => {
  const { throttle } = throttleWithClock();
  failTimes(throttle, 10, 'helpline-017', '198.51.100.7');
  for (let i = 0; i < 10_000; i++) {
    throttle.recordFailure({
      accountId: `junk-${i}`,
      clientIp: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
    });
  }
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '198.51.100.7' })?.scope).toBe('account');
});

test('ten wrong passwords for an id from another client do not lock the real user out', () => {
  const { throttle } = throttleWithClock();
  failTimes(throttle, 10, 'helpline-017', '203.0.113.66');
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '203.0.113.66' })?.scope).toBe('account');
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: CENTRE_IP })).toBeUndefined();
});

test('an IPv6 client is its /64: addresses within it share the limits, another /64 does not', () => {
  const { throttle } = throttleWithClock();
  for (let i = 0; i < 10; i++) {
    throttle.recordFailure({ accountId: 'helpline-017', clientIp: `2001:db8:1:2::${(i + 1).toString(16)}` });
  }
  expect(
    throttle.refusal({ accountId: 'helpline-017', clientIp: '2001:db8:1:2:ffff:ffff:ffff:fff0' }),
  ).toEqual({ scope: 'account', retryAfterSeconds: 15 * 60 });
  expect(throttle.refusal({ accountId: 'helpline-017', clientIp: '2001:db8:1:3::1' })).toBeUndefined();
  for (let i = 0; i < 50; i++)
    throttle.recordFailure({ accountId: `gok-${i}`, clientIp: `2001:db8:9:9::${i + 1}` });
  expect(throttle.refusal({ accountId: 'ops', clientIp: '2001:db8:9:9:abcd::1' })?.scope).toBe('client');
  // An IPv4-mapped IPv6 address is its IPv4 address.
  failTimes(throttle, 10, 'ops', '192.0.2.77');
  expect(throttle.refusal({ accountId: 'ops', clientIp: '::ffff:192.0.2.77' })?.scope).toBe('account');
});

test('backoff: each further lock of the same pair lasts twice as long, up to the cap', () => {
  const { throttle, advance } = throttleWithClock({ maxLockMs: 60 * MINUTE });
  const keys = { accountId: 'helpline-017', clientIp: CENTRE_IP };
  const lockAgain = () => {
    failTimes(throttle, 10, 'helpline-017');
    return throttle.refusal(keys)?.retryAfterSeconds;
  };
  expect(lockAgain()).toBe(15 * 60);
  advance(15 * MINUTE);
  expect(lockAgain()).toBe(30 * 60);
  advance(30 * MINUTE);
  expect(lockAgain()).toBe(60 * 60);
  advance(60 * MINUTE);
  expect(lockAgain()).toBe(60 * 60);
  // Quiet for as long as the last lock lasted after it ended: forgotten, back to the first lock.
  advance(2 * 60 * MINUTE);
  expect(lockAgain()).toBe(15 * 60);
});
test('expired windows are dropped as new failures arrive, so the map holds live windows only', () => {
  const { throttle, advance } = throttleWithClock();
  for (let i = 0; i < 30; i++) throttle.recordFailure({ accountId: `guess-${i}`, clientIp: `10.0.0.${i}` });
  expect(throttle.trackedKeys()).toEqual({ accounts: 30, clients: 30 });
  advance(15 * MINUTE);
  throttle.recordFailure({ accountId: 'helpline-017', clientIp: CENTRE_IP });
  expect(throttle.trackedKeys()).toEqual({ accounts: 1, clients: 1 });
});
