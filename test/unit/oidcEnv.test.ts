/**
 * The OIDC settings: off without OIDC_ISSUER; with it, every missing or bad value listed at
 * start, plain http only for a provider on this machine (never in production), and the client
 * secret never echoed.
 */
import { ConfigError } from '../../config/configError';
import { oidcEnvSchema, oidcSettings } from '../../config/oidcEnv';
import { productionProblems } from '../../config/productionRules';

const parse = (source: Record<string, string>) => oidcEnvSchema.parse(source);
const complete = {
  OIDC_ISSUER: 'https://login.example.org',
  OIDC_CLIENT_ID: 'csg-meldingen',
  OIDC_CLIENT_SECRET: 'een-geheim-van-ruim-16-tekens',
  OIDC_REDIRECT_URI: 'https://meldingen.example.org/inloggen/oidc/terug',
  OIDC_ORGANISATION: 'CSG Limburg',
};

function problemsOf(source: Record<string, string>): string[] {
  try {
    oidcSettings(parse(source));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test('unset: no login through a provider', () => {
  expect(oidcSettings(parse({}))).toBeUndefined();
});

test('set: the defaults for claims and second factors, lists from commas or spaces', () => {
  const settings = oidcSettings(parse({ ...complete, OIDC_ACCEPTED_ACR: 'urn:a, urn:b' }))!;
  expect(settings.claims).toEqual({ staffId: 'preferred_username', role: 'csg_rol', regions: 'csg_regios' });
  expect(settings.secondFactorAmr).toEqual(expect.arrayContaining(['mfa', 'otp', 'hwk']));
  expect(settings.acceptedAcr).toEqual(['urn:a', 'urn:b']);
  expect(settings.issuer.href).toBe('https://login.example.org/');
});

test('every missing value named at once; the secret never shown', () => {
  const problems = problemsOf({
    OIDC_ISSUER: 'https://login.example.org',
    OIDC_CLIENT_SECRET: 'kort-geheim',
  });
  expect(problems.join('\n')).toMatch(/OIDC_CLIENT_ID/);
  expect(problems.join('\n')).toMatch(/OIDC_CLIENT_SECRET must be set \(16\+ characters\)/);
  expect(problems.join('\n')).toMatch(/OIDC_REDIRECT_URI/);
  expect(problems.join('\n')).toMatch(/OIDC_ORGANISATION/);
  expect(problems.join('\n')).not.toContain('kort-geheim');
});

test('plain http only on this machine; no second factor configured is refused', () => {
  expect(problemsOf({ ...complete, OIDC_ISSUER: 'http://login.example.org' })).toEqual([
    'OIDC_ISSUER must be an https URL (plain http only for a provider on localhost)',
  ]);
  expect(problemsOf({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:9000' })).toEqual([]);
  expect(problemsOf({ ...complete, OIDC_SECOND_FACTOR_AMR: ' ' })).toEqual([
    'OIDC_SECOND_FACTOR_AMR or OIDC_ACCEPTED_ACR must name at least one value: a login needs a second factor',
  ]);
});

test('in production the provider and the callback must be https, even on this machine', () => {
  const problems = productionProblems({
    NODE_ENV: 'production',
    OIDC_ISSUER: 'http://127.0.0.1:9000',
    OIDC_REDIRECT_URI: 'http://meldingen.example.org/inloggen/oidc/terug',
  });
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^OIDC_ISSUER must be an https URL in production/),
      expect.stringMatching(/^OIDC_REDIRECT_URI must be an https URL in production/),
    ]),
  );
});
