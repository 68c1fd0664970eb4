/**
 * The intake form's parent or guardian of a minor: three optional fields, recorded when any is
 * filled in; a wrong one is named on its own field in the reader's language and nothing is
 * registered; for an adult the helpline is told a guardian is for minors only.
 */
import { translator, type Lang } from '../../i18n';
import { parseIntake } from '../../domain/intakeSchema';
import { regionForMunicipality } from '../../regions';
import { formToRawIntake, mergeSchemaProblems, type IntakeFormValues } from '../../web/intakeForm';
import { intakeFormPage } from '../../web/views/intakeFormPage';

const NOW = new Date('2026-03-05T10:00:00Z');

function submit(fields: IntakeFormValues, lang: Lang = 'nl') {
  const t = translator(lang);
  const values: IntakeFormValues = {
    volgnummer: '123456',
    kanaal: 'telefoon',
    beller: 'naaste',
    tijdsoort: 'onbekend',
    leeftijd: '14',
    gemeente: 'Maastricht',
    politie: 'twijfel',
    medisch: 'nee',
    ...fields,
  };
  const { raw, problems } = formToRawIntake(values, 'helpline-017', NOW, t);
  const parsed = parseIntake({ ...raw, reference: 'CSG-LIM-2026-123456' }, regionForMunicipality);
  return { parsed, problems: mergeSchemaProblems(problems, parsed.ok ? [] : parsed.problems, t) };
}

test('the form offers the three fields, each with its label, and the relations in words', () => {
  const t = translator('nl');
  const page = intakeFormPage({
    values: {},
    problems: {},
    csrfToken: 'csrf',
    staffId: 'helpline-017',
    municipalities: ['Maastricht'],
    ui: { t, lang: 'nl', switchHref: '/taal/en' },
  });
  for (const id of ['ouder-relatie', 'ouder-naam', 'ouder-telefoon']) {
    expect(page).toContain(`<label class="utrecht-form-label" for="${id}">`);
    expect(page).toContain(`id="${id}"`);
  }
  expect(page).toContain('<option value="voogd"');
  expect(page).toContain('Voogd</option>');
});

test("a minor's guardian is recorded; left empty there is none", () => {
  const { parsed, problems } = submit({
    'ouder-relatie': 'voogd',
    'ouder-naam': ' Voorbeeld Voogd ',
    'ouder-telefoon': '0612345678',
  });
  expect(problems).toEqual({});
  expect(parsed.ok && parsed.intake.guardian).toEqual({
    relation: 'voogd',
    name: 'Voorbeeld Voogd',
    phone: '0612345678',
  });
  const none = submit({});
  expect(none.parsed.ok && none.parsed.intake.guardian).toBeUndefined();
});

test.each([
  [
    { 'ouder-naam': 'Voorbeeld Ouder' },
    'nl',
    'ouder-relatie',
    'Kies of het een ouder, een voogd of iemand anders is.',
  ],
  [
    { 'ouder-relatie': 'ouder' },
    'nl',
    'ouder-naam',
    'Vul de naam van de ouder of voogd in (maximaal 200 tekens).',
  ],
  [
    { 'ouder-relatie': 'ouder', 'ouder-naam': 'Voorbeeld Ouder', 'ouder-telefoon': 'bel maar' },
    'en',
    'ouder-telefoon',
    'Enter a phone number, for example 0612345678.',
  ],
  [
    { leeftijd: '30', 'ouder-relatie': 'ouder', 'ouder-naam': 'Voorbeeld Ouder' },
    'nl',
    'ouder-relatie',
    'Een ouder of voogd wordt alleen vastgelegd bij een slachtoffer jonger dan 18.',
  ],
] as const)('%j is refused on its field (%s)', (fields, lang, field, message) => {
  const { parsed, problems } = submit(fields, lang);
  expect(parsed.ok).toBe(false);
  expect(problems).toEqual({ [field]: message });
});
