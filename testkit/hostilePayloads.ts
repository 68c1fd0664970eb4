/**
 * A seeded generator of invalid and hostile intake payloads: wrong types, missing required fields,
 * huge strings, injected HTML, prototype-pollution keys, malformed JSON. Every payload it makes is
 * invalid by construction (a required field removed or made wrong), so a service that starts a
 * case for one of them has a bug. Same seed, same payloads: a failure can be replayed.
 */
import type { MeldingIntake } from '../domain/types';

/** mulberry32: small, fast, good enough to spread test cases; not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const INJECTION_MARKER = 'xss-probe-7f3a';

const HOSTILE_STRINGS = [
  `<script>alert('${INJECTION_MARKER}')</script>`,
  `"><img src=x onerror=alert('${INJECTION_MARKER}')>`,
  `javascript:alert('${INJECTION_MARKER}')`,
  `'; DROP TABLE meldingen; -- ${INJECTION_MARKER}`,
  `{{constructor.constructor('${INJECTION_MARKER}')()}}`,
  `\u0000\u0001\u202e${INJECTION_MARKER}`,
  '../../../../etc/passwd',
  '${process.exit(1)}',
  '%00%0d%0aSet-Cookie: x=1',
  '\ud800',
  'A'.repeat(5000),
];

/** Paths whose change makes the intake invalid (optional fields only get a wrong type). */
const REQUIRED_PATHS = [
  'channel',
  'callerRole',
  'incidentTime',
  'incidentTime.kind',
  'victimAge',
  'victimAge.kind',
  'municipality',
  'onlineComponent',
  'immediateDanger',
  'wishes',
  'wishes.police',
  'wishes.medicalCare',
  'contactPreferences',
  'contactPreferences.safeToCall',
  'contactPreferences.safeToText',
  'contactPreferences.safeToEmail',
  'victimContact',
];
/** Constrained string fields: any hostile string there is invalid. */
const CONSTRAINED_STRINGS = [
  'reference',
  'channel',
  'callerRole',
  'municipality',
  'receivedAt',
  // Not recordedBy: the API records the signed-in staff member whatever the body gives.
  'wishes.police',
  'wishes.medicalCare',
  'victimContact.phone',
  'victimContact.email',
  'incidentTime.at',
];
/** Fields where a non-string, non-object value is always a type error. */
const TYPED_PATHS = [
  ...REQUIRED_PATHS,
  'reference',
  'receivedAt',
  'victimContact.name',
  'victimContact.phone',
];

export interface HostileRequest {
  kind: string;
  /** JSON payload (object or anything) or a raw string body. */
  body: unknown;
  raw?: string;
  contentType?: string;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove = false): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
}

export function hostilePayloads(valid: () => MeldingIntake, count: number, seed: number): HostileRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const wrongTypeValues = (): unknown[] => [
    42,
    -1,
    1e308,
    true,
    null,
    [],
    [pick(HOSTILE_STRINGS)],
    { nested: { deeper: pick(HOSTILE_STRINGS) } },
    '',
    pick(HOSTILE_STRINGS),
  ];
  const generators: Array<() => HostileRequest> = [
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      setPath(p, pick(REQUIRED_PATHS), undefined, true);
      return { kind: 'missing-field', body: p };
    },
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      const path = pick(TYPED_PATHS);
      const values = wrongTypeValues().filter(
        (v) => !(path === 'victimContact.name' && typeof v === 'string' && v !== ''),
      );
      setPath(p, path, pick(values.length ? values : [42]));
      return { kind: 'wrong-type', body: p };
    },
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      setPath(p, pick(CONSTRAINED_STRINGS), pick(HOSTILE_STRINGS));
      return { kind: 'injected-string', body: p };
    },
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      setPath(
        p,
        pick(['municipality', 'victimContact.name', 'recordedBy', 'reference']),
        'x'.repeat(70_000 + Math.floor(random() * 100_000)),
      );
      return { kind: 'huge-string', body: p };
    },
    () => {
      const base = JSON.stringify(valid());
      const key = pick(['__proto__', 'constructor', 'prototype']);
      const raw =
        key === 'constructor'
          ? base.replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},')
          : base.replace(/^\{/, `{"${key}":{"isAdmin":true,"polluted":"${INJECTION_MARKER}"},`);
      return { kind: `prototype-${key}`, body: undefined, raw, contentType: 'application/json' };
    },
    () => {
      const base = JSON.stringify(valid());
      const nested = pick(['wishes', 'victimContact', 'contactPreferences']);
      const raw = base.replace(`"${nested}":{`, `"${nested}":{"__proto__":{"polluted":true},`);
      return { kind: 'prototype-nested', body: undefined, raw, contentType: 'application/json' };
    },
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      p[pick(['isAdmin', 'workflowId', 'taskQueue', 'extra', INJECTION_MARKER])] = pick(HOSTILE_STRINGS);
      return { kind: 'unknown-field', body: p };
    },
    () => {
      const base = JSON.stringify(valid());
      const cut = Math.floor(random() * base.length);
      return {
        kind: 'malformed-json',
        body: undefined,
        raw: base.slice(0, cut) + pick(['', '}', ',,', '\u0000', '{"a":']),
        contentType: 'application/json',
      };
    },
    () => ({ kind: 'top-level-not-object', body: pick<unknown>([[], [valid()], 'intake', 7, true, null]) }),
    () => {
      const p = clone(valid()) as unknown as Record<string, unknown>;
      let deep: Record<string, unknown> = {};
      const root = deep;
      for (let i = 0; i < 500; i++) {
        deep.a = {};
        deep = deep.a as Record<string, unknown>;
      }
      p.victimAge = root;
      return { kind: 'deep-nesting', body: p };
    },
    () => {
      const p = clone(valid());
      const kind = pick(['future', 'reversed', 'nonsense', 'age']);
      if (kind === 'future')
        p.incidentTime = { kind: 'exact', at: new Date(Date.now() + 86_400_000 * 3).toISOString() };
      if (kind === 'reversed')
        p.incidentTime = {
          kind: 'approximate',
          earliest: '2026-03-02T10:00:00Z',
          latest: '2026-03-01T10:00:00Z',
        };
      if (kind === 'nonsense') p.incidentTime = { kind: 'exact', at: '2026-02-30T25:61:00Z' };
      if (kind === 'age') p.victimAge = { kind: 'years', years: pick([-1, 121, 15.5, 1e9]) };
      return { kind: `semantic-${kind}`, body: p };
    },
    () => ({
      kind: 'form-encoded',
      body: undefined,
      raw: new URLSearchParams({ reference: pick(HOSTILE_STRINGS), channel: 'telefoon' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    }),
    () => ({
      kind: 'wrong-content-type',
      body: undefined,
      raw: JSON.stringify(valid()),
      contentType: pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x']),
    }),
  ];
  return Array.from({ length: count }, () => pick(generators)());
}
