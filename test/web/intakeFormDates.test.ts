/**
 * The intake form's dates are all typed the same way: the date of birth, like the incident date,
 * is a dd-mm-jjjj text field with that hint (no browser date picker, which shows a different
 * format per browser and locale), read by the same date parser, with an error text that says how
 * to write it.
 */
import { translator, type Lang } from '../../i18n';
import { parseIntake } from '../../domain/intakeSchema';
import { regionForMunicipality } from '../../regions';
import { formToRawIntake, mergeSchemaProblems, type IntakeFormValues } from '../../web/intakeForm';
import { intakeFormPage } from '../../web/views/intakeFormPage';

const NOW = new Date('2026-03-05T10:00:00Z');

const page = (lang: Lang) =>
  intakeFormPage({
    values: {},
    problems: {},
    csrfToken: 'csrf',
    staffId: 'helpline-017',
    municipalities: ['Maastricht'],
    ui: { t: translator(lang), lang, switchHref: '/taal/en' },
  });

const inputTag = (html: string, id: string) =>
  new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

test.each([
  ['nl', 'dd-mm-jjjj'],
  ['en', 'dd-mm-yyyy'],
] as const)(
  '%s: the date of birth is a text field with a %s hint, as the incident date is',
  (lang, format) => {
    const html = page(lang);
    expect(html).not.toContain('type="date"');
    for (const id of ['datum', 'geboortedatum']) {
      expect(inputTag(html, id)).toContain('type="text"');
      expect(inputTag(html, id)).toContain(`aria-describedby="${id}-hint"`);
      expect(new RegExp(`<p [^>]*id="${id}-hint">([^<]*)</p>`).exec(html)?.[1]).toContain(format);
    }
  },
);

/** The form's problems, the schema's included, as the intake route shows them. */
function submit(geboortedatum: string, lang: Lang = 'nl') {
  const t = translator(lang);
  const values: IntakeFormValues = {
    volgnummer: '123456',
    kanaal: 'telefoon',
    beller: 'slachtoffer',
    tijdsoort: 'onbekend',
    leeftijd: '30',
    gemeente: 'Maastricht',
    politie: 'ja',
    medisch: 'nee',
    geboortedatum,
  };
  const { raw, problems } = formToRawIntake(values, 'helpline-017', NOW, t);
  const parsed = parseIntake({ ...raw, reference: 'CSG-LIM-2026-123456' }, regionForMunicipality);
  const all = mergeSchemaProblems(problems, parsed.ok ? [] : parsed.problems, t);
  return { raw, problems: all };
}

test.each(['14-03-1987', '14-3-1987', ' 14/03/1987 ', '14.03.1987'])(
  '"%s" is read as 14 March 1987',
  (typed) => {
    const { raw, problems } = submit(typed);
    expect(problems).toEqual({});
    expect((raw.victimContact as { dateOfBirth?: string }).dateOfBirth).toBe('1987-03-14');
  },
);

test('left empty, there is no date of birth and no problem', () => {
  const { raw, problems } = submit('  ');
  expect(problems).toEqual({});
  expect((raw.victimContact as { dateOfBirth?: string }).dateOfBirth).toBeUndefined();
});

test.each([
  ['1987-03-14', 'nl', 'Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-1987, of laat het leeg.'],
  ['31-02-1987', 'nl', 'Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-1987, of laat het leeg.'],
  ['gisteren', 'nl', 'Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-1987, of laat het leeg.'],
  ['14-03-1987x', 'en', 'Enter the date of birth as dd-mm-yyyy, for example 14-03-1987, or leave it empty.'],
  // A real date in the future: the schema's check, named on the same field.
  ['14-03-2030', 'nl', 'Vul een bestaande geboortedatum in die niet in de toekomst ligt, of laat het leeg.'],
] as const)('"%s" is refused on the date-of-birth field (%s)', (typed, lang, message) => {
  const { problems } = submit(typed, lang);
  expect(problems).toEqual({ geboortedatum: message });
});
