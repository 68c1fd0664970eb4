/**
 * The checks on a correction of the intake, as the API's body schemas and the workflow's
 * validators both apply them: the same value refused by both, naming the same field; and the age
 * a date of birth gives, at the NFI boundary (15 and younger).
 */
import {
  ageCorrectionProblem,
  ageOn,
  channelsCorrectionProblem,
  contactCorrectionProblem,
  languageCorrectionProblem,
} from '../../domain/corrections';
import { decisionSchemas } from '../../domain/decisionSchemas';
import { examinedByNfi } from '../../domain/triage';

const intakeAt = new Date('2026-03-10T12:00:00Z');

test.each([
  ['2010-03-11', 15, true], // the 16th birthday is tomorrow: still the NFI
  ['2010-03-10', 16, false], // the 16th birthday today: the forensisch arts
  ['2010-03-09', 16, false],
  ['2008-02-29', 18, false], // a leap-day birthday counts from 1 March in other years
  ['2026-03-10', 0, true],
])('born %s: %i years at the intake, NFI %p', (born, years, nfi) => {
  expect(ageOn(born, intakeAt)).toBe(years);
  expect(examinedByNfi({ kind: 'years', years: ageOn(born, intakeAt) })).toBe(nfi);
});

test('a leap-day birthday is not reached on 28 February', () => {
  expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(17);
  expect(ageOn('2008-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(18);
});

describe('the same value is refused by the API and by the workflow, naming the same field', () => {
  const bodies: Array<[keyof typeof decisionSchemas, Record<string, unknown>, string]> = [
    ['leeftijd', { reason: 'invoerfout' }, 'victimAge'],
    [
      'leeftijd',
      { victimAge: { kind: 'years', years: 14 }, dateOfBirth: '2012-01-01', reason: 'invoerfout' },
      'victimAge',
    ],
    ['leeftijd', { victimAge: { kind: 'years', years: 14.5 }, reason: 'invoerfout' }, 'victimAge'],
    ['leeftijd', { dateOfBirth: '2012-02-30', reason: 'invoerfout' }, 'dateOfBirth'],
    ['contactgegevens', { reason: 'invoerfout' }, 'name'],
    ['contactgegevens', { phone: 'bel me', reason: 'invoerfout' }, 'phone'],
    ['contactgegevens', { email: 'geen-adres', reason: 'invoerfout' }, 'email'],
    ['veilige_kanalen', { reason: 'invoerfout' }, 'safeToCall'],
    ['veilige_kanalen', { safeToText: 'ja', reason: 'invoerfout' }, 'safeToText'],
    ['taal', { reason: 'invoerfout' }, 'language'],
    ['taal', { language: 'Arabisch', reason: 'invoerfout' }, 'language'],
    ['taal', { interpreterNeeded: 'ja', reason: 'invoerfout' }, 'interpreterNeeded'],
  ];
  const workflowCheck: Record<string, (body: Record<string, unknown>) => { field: string } | undefined> = {
    leeftijd: (b) => ageCorrectionProblem(b, intakeAt.getTime()),
    contactgegevens: contactCorrectionProblem,
    veilige_kanalen: channelsCorrectionProblem,
    taal: languageCorrectionProblem,
  };
  test.each(bodies)('%s %j → %s', (type, body, field) => {
    const parsed = decisionSchemas[type].safeParse(body);
    expect(parsed.success).toBe(false);
    // The API may name a part of the field (victimAge.years); never another field.
    expect(`${parsed.error!.issues[0]!.path.join('.')}.`.startsWith(`${field}.`)).toBe(true);
    expect(workflowCheck[type]!(body)?.field).toBe(field);
  });

  test('a well-formed correction passes both', () => {
    const good: Array<[keyof typeof decisionSchemas, Record<string, unknown>]> = [
      ['leeftijd', { dateOfBirth: '2012-01-01', reason: 'invoerfout' }],
      ['contactgegevens', { phone: '+31612399999', reason: 'gewijzigd' }],
      ['veilige_kanalen', { safeToEmail: false, reason: 'gewijzigd' }],
      ['taal', { language: 'pt-BR', interpreterNeeded: true, reason: 'nieuwe_informatie' }],
    ];
    for (const [type, body] of good) {
      expect(decisionSchemas[type].safeParse(body).success).toBe(true);
      expect(workflowCheck[type]!(body)).toBeUndefined();
    }
  });

  test('a date of birth after the intake is the workflow’s to refuse (only it knows the intake)', () => {
    expect(ageCorrectionProblem({ dateOfBirth: '2026-03-11' }, intakeAt.getTime())?.field).toBe(
      'dateOfBirth',
    );
  });
});
