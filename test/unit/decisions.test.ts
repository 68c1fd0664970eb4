/**
 * The decision table and what is built from it: the Temporal updates (whose names running cases
 * and recorded histories depend on), the API's body schemas, the OpenAPI paths and the words in
 * both catalogues.
 */
import { DECISION_NAMES, DECISIONS, isDecisionName } from '../../domain/decisions';
import { decisionSchemas } from '../../domain/decisionSchemas';
import { translator } from '../../i18n';
import { buildOpenApiDocument } from '../../web/openapi';
import * as messages from '../../workflows/messages';

test('every decision keeps the update name running cases and recorded histories know', () => {
  const updateNames = Object.fromEntries(
    DECISION_NAMES.map((name) => [name, messages.decisionUpdates[name].name]),
  );
  expect(updateNames).toEqual({
    ontvangstbevestiging: 'acknowledgeRequest',
    taak: 'recordTaskStep',
    checkin: 'recordCheckIn',
    politiewens: 'recordPoliceWish',
    toestemming: 'recordConsent',
    incidenttijd: 'correctIncidentTime',
    intrekking: 'withdraw',
    overdracht: 'transfer',
    aangifte: 'recordAangifte',
    leeftijd: 'correctVictimAge',
    gemeente: 'correctMunicipality',
    contactgegevens: 'correctContactDetails',
    veilige_kanalen: 'correctContactPreferences',
    medische_wens: 'recordMedicalWish',
    taal: 'correctLanguage',
    koppeling: 'linkMelding',
    eigenaar: 'changeOwner',
    casusoverleg: 'flagForCasusoverleg',
    contactmoment: 'recordContact',
    planning: 'planCheckIns',
    verlenging: 'extendWatchfulWaiting',
    ggz_verwijzing: 'referToGgz',
    contactpogingen: 'decideAfterFailedContacts',
    tweede_ring: 'askSecondRing',
    ervaringsvragen: 'recordExperienceConsent',
  });
  // The workflow's handlers register the named exports: they are the table's updates.
  for (const name of DECISION_NAMES) {
    const exported = (messages as Record<string, unknown>)[DECISIONS[name].update];
    expect(exported).toBe(messages.decisionUpdates[name]);
  }
});

test('every decision has a body schema, which never takes `by` from the caller', () => {
  expect(Object.keys(decisionSchemas).sort()).toEqual([...DECISION_NAMES].sort());
  for (const name of DECISION_NAMES) {
    const withBy = decisionSchemas[name].safeParse({ by: 'iemand-anders' });
    expect(withBy.success).toBe(false);
  }
});

test('every decision has a path in the OpenAPI document and words in both languages', () => {
  const paths = Object.keys(buildOpenApiDocument('http://localhost').paths as object);
  for (const name of DECISION_NAMES) {
    expect(paths).toContain(`/api/meldingen/{reference}/decisions/${name}`);
    for (const lang of ['nl', 'en'] as const) {
      expect(translator(lang)(`decisions.${name}`)).not.toBe(`decisions.${name}`);
    }
  }
});

test('only the table names a decision', () => {
  expect(isDecisionName('toestemming')).toBe(true);
  expect(isDecisionName('toString')).toBe(false);
  expect(isDecisionName('politie_wens')).toBe(false);
});
