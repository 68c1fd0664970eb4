/** Partner directory lookups on the shipped, zod-validated regions. */
import { createDirectory } from '../../activities/directory';
import { REGIONS } from '../../regions';

const directory = createDirectory(REGIONS);

test('primary and backup casemanager in Limburg', () => {
  expect(directory.lookup('limburg', 'casemanager', 'primary')).toMatchObject({
    found: true,
    recipient: { tier: 'primary', contact: { email: 'piket@csg-limburg.example', sms: '+31612340010' } },
  });
  expect(directory.lookup('limburg', 'casemanager', 'backup')).toMatchObject({
    found: true,
    recipient: { tier: 'backup', contact: { email: 'achterwacht@csg-limburg.example' } },
  });
});

test('no backup configured: the primary, marked as a fallback', () => {
  const found = directory.lookup('limburg', 'zedenpolitie', 'backup');
  expect(found).toMatchObject({ found: true, recipient: { tier: 'primary', fellBackFrom: 'backup' } });
});

test('the coordinator tier and the coordinator role both reach the region coordinator', () => {
  for (const found of [
    directory.lookup('gelderland-zuid-midden', 'ggz', 'coordinator'),
    directory.lookup('gelderland-zuid-midden', 'coordinator', 'primary'),
  ]) {
    expect(found).toMatchObject({
      found: true,
      recipient: { tier: 'coordinator', contact: { email: 'coordinator@csg-gzm.example' } },
    });
  }
});

test('a role the region does not have, and an unknown region', () => {
  expect(directory.lookup('gelderland-zuid-midden', 'kinderarts', 'primary')).toEqual({
    found: false,
    problem: 'role_not_configured',
    reason: 'no kinderarts in the directory of gelderland-zuid-midden',
  });
  expect(directory.lookup('atlantis', 'casemanager', 'primary')).toMatchObject({
    found: false,
    problem: 'unknown_region',
  });
});
