/**
 * The intake form offers exactly the domain's values, so a value added to a vocabulary reaches
 * the form (and one the schema would refuse is never offered); and a choice made on the form is
 * one the intake schema accepts.
 */
import { regionForMunicipality } from '../../regions';
import { translator } from '../../i18n';
import { parseIntake } from '../../domain/intakeSchema';
import {
  AGE_BANDS,
  CALLER_ROLES,
  GENDERS,
  INTAKE_CHANNELS,
  WISHES,
  YES_NO_UNKNOWN,
} from '../../domain/vocabulary';
import { formToRawIntake } from '../../web/intakeForm';
import { intakeFormPage } from '../../web/views/intakeFormPage';

const t = translator('nl');
const page = intakeFormPage({
  values: {},
  problems: {},
  csrfToken: 'csrf',
  staffId: 'helpline-017',
  municipalities: ['Maastricht'],
  ui: { t, lang: 'nl', switchHref: '/taal/en' },
});

/** The values a select offers (without the empty "not asked"), or a radio group's. */
function offered(field: string): string[] {
  const select = new RegExp(`<select[^>]*id="${field}"[^>]*>([\\s\\S]*?)</select>`).exec(page);
  const values = select
    ? [...select[1]!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]!)
    : [...page.matchAll(new RegExp(`name="${field}"\\s+value="([^"]*)"`, 'g'))].map((m) => m[1]!);
  return values.filter((v) => v !== '');
}

test.each([
  ['kanaal', INTAKE_CHANNELS],
  ['beller', CALLER_ROLES],
  ['leeftijdsgroep', [...AGE_BANDS, 'onbekend']],
  ['geslacht', GENDERS],
  ['eerder-misbruik', YES_NO_UNKNOWN],
  ['politie', WISHES],
  ['medisch', WISHES],
] as const)('the form field %s offers the domain list', (field, list) => {
  expect(offered(field)).toEqual([...list]);
});

test('every channel and caller the form offers is one the intake schema accepts', () => {
  for (const kanaal of offered('kanaal')) {
    for (const beller of offered('beller')) {
      const { raw } = formToRawIntake(
        {
          volgnummer: '123456',
          kanaal,
          beller,
          tijdsoort: 'onbekend',
          leeftijd: '30',
          gemeente: 'Maastricht',
          politie: 'ja',
          medisch: 'nee',
        },
        'helpline-017',
        new Date('2026-03-05T10:00:00Z'),
        t,
      );
      const parsed = parseIntake({ ...raw, reference: 'CSG-LIM-2026-123456' }, regionForMunicipality);
      expect(parsed.ok).toBe(true);
    }
  }
});
