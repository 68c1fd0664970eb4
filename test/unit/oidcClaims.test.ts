/**
 * The checks on the identity provider's ID token claims: the second factor first, then the staff
 * id, role and regions against the roles of domain/access.ts and the region ids of regions/, with
 * the claim names of the configuration. A refusal names the claim, never its value.
 */
import { DEFAULT_SECOND_FACTOR_AMR } from '../../config/oidcEnv';
import { REGIONS } from '../../regions';
import { checkClaims } from '../../web/kit/oidc';

const settings = {
  secondFactorAmr: DEFAULT_SECOND_FACTOR_AMR,
  acceptedAcr: ['urn:csg:loa:hoog'],
  claims: { staffId: 'medewerker', role: 'rol', regions: 'regios' },
};
const regionIds = [...REGIONS.keys()];
const person = { medewerker: 'cm-lim-1', rol: 'casemanager', regios: ['limburg'] };

test('a second factor by amr or by an accepted acr; a password alone, or another acr, is not one', () => {
  expect(checkClaims({ ...person, amr: ['pwd', 'otp'] }, settings, regionIds).status).toBe('accepted');
  expect(checkClaims({ ...person, amr: ['hwk'] }, settings, regionIds).status).toBe('accepted');
  expect(checkClaims({ ...person, acr: 'urn:csg:loa:hoog' }, settings, regionIds).status).toBe('accepted');
  for (const claims of [{ amr: ['pwd'] }, { amr: 'otp' }, { acr: 'urn:csg:loa:laag' }, {}]) {
    expect(checkClaims({ ...person, ...claims }, settings, regionIds)).toEqual({
      status: 'no_second_factor',
    });
  }
});

test('the staff member from the configured claims: regions as a list, a string, or alle', () => {
  const mfa = { amr: ['mfa'] };
  expect(checkClaims({ ...person, ...mfa }, settings, regionIds)).toEqual({
    status: 'accepted',
    staff: { id: 'cm-lim-1', role: 'casemanager', regions: ['limburg'] },
  });
  const both = checkClaims(
    { ...person, ...mfa, regios: 'limburg gelderland-zuid-midden' },
    settings,
    regionIds,
  );
  expect(both).toMatchObject({ staff: { regions: ['limburg', 'gelderland-zuid-midden'] } });
  const all = checkClaims({ ...person, ...mfa, rol: 'helpline', regios: 'alle' }, settings, regionIds);
  expect(all).toMatchObject({ staff: { role: 'helpline', regions: 'alle' } });
});

test('an unknown role or region, a missing claim or an id that is no staff id: refused, naming the claim', () => {
  const refusals = [
    [{ rol: 'directeur' }, 'rol: unknown role'],
    [{ regios: ['limburg', 'atlantis'] }, 'regios: unknown region'],
    [{ regios: [] }, 'regios: no region'],
    [{ medewerker: 'piet@example.org' }, 'medewerker: not a staff id (2-40 letters, digits, . _ -)'],
    [{ medewerker: undefined }, 'medewerker'],
  ] as const;
  for (const [claims, problem] of refusals) {
    const outcome = checkClaims({ ...person, amr: ['otp'], ...claims }, settings, regionIds);
    expect(outcome.status).toBe('bad_claims');
    const problems = outcome.status === 'bad_claims' ? outcome.problems : [];
    expect(problems.join('; ')).toContain(problem);
    expect(problems.join('; ')).not.toMatch(/directeur|atlantis|piet/);
  }
});
