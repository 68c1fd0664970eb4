/**
 * The values a case is found again by: the same person written differently gives the same blind
 * index, another person (or the same value under another key) a different one.
 */
import {
  lookupValuesOf,
  normalisedDateOfBirth,
  normalisedName,
  normalisedPhone,
} from '../../domain/lookupValues';
import { blindIndexesOf, nameAndBirthBlindIndex, phoneBlindIndex } from '../../cases/blindIndex';
import { parseFindQuery } from '../../web/findQuery';

const key = Buffer.alloc(32, 0x5a);
const otherKey = Buffer.alloc(32, 0xa5);

describe('phone numbers', () => {
  test.each([
    '0612345678',
    '06-12345678',
    '06 1234 5678',
    '(06) 12 34 56 78',
    '+31612345678',
    '+31 6 1234 5678',
    '+31 (0)6 12345678',
    '0031612345678',
    '0031 6 12 34 56 78',
    '31612345678',
    '612345678',
    ' 06.12.34.56.78 ',
  ])('%s is 31612345678', (written) => {
    expect(normalisedPhone(written)).toBe('31612345678');
  });

  test('a number abroad keeps its own country code; a landline keeps its area code', () => {
    expect(normalisedPhone('+32 470 12 34 56')).toBe('32470123456');
    expect(normalisedPhone('0032 470 12 34 56')).toBe('32470123456');
    expect(normalisedPhone('043-3881234')).toBe('31433881234');
  });

  test('what is no phone number gives no value, so nothing is indexed or searched for it', () => {
    for (const bad of [
      '',
      '   ',
      '12345',
      'bel me maar',
      '06-1234567x',
      '+0612345678',
      '+1234567890123456',
    ]) {
      expect(normalisedPhone(bad)).toBeUndefined();
    }
  });

  test('the same number written differently has the same index; another number another', () => {
    const index = phoneBlindIndex(key, '06 1234 5678');
    expect(index).toMatch(/^[0-9a-f]{32}$/);
    expect(phoneBlindIndex(key, '+31 (0)6-12 34 56 78')).toBe(index);
    expect(phoneBlindIndex(key, '0612345679')).not.toBe(index);
    expect(phoneBlindIndex(key, '+32612345678')).not.toBe(index);
  });
});

describe('names with a date of birth', () => {
  test('case, accents, hyphens and spaces are written one way', () => {
    const one = normalisedName('Zwaantje Plantinga-Oudekerk');
    expect(one).toBe('zwaantje plantinga oudekerk');
    for (const written of [
      'ZWAANTJE PLANTINGA OUDEKERK',
      '  zwaantje   plantinga - oudekerk ',
      'Zwäantje Plantinga–Oudekerk',
      'Zwaantje\tPlantinga\nOudekerk',
    ]) {
      expect(normalisedName(written)).toBe(one);
    }
    expect(normalisedName('Chloë Müller-Lüdenscheidt')).toBe(normalisedName('chloe muller ludenscheidt'));
    expect(normalisedName('Jan ’t Hoen')).toBe(normalisedName("jan 't hoen"));
    expect(normalisedName('Straße Ørsted')).toBe('strasse orsted');
    // Composed and decomposed forms of the same letter (as a keyboard or a paste may give them).
    expect(normalisedName('Ren\u00e9')).toBe(normalisedName('Rene\u0301'));
  });

  test('a name without letters, or a date that does not exist, gives no value', () => {
    expect(normalisedName(' - . ')).toBeUndefined();
    expect(normalisedDateOfBirth('1987-02-30')).toBeUndefined();
    expect(normalisedDateOfBirth('14-03-1987')).toBeUndefined();
    expect(normalisedDateOfBirth(' 1987-03-14 ')).toBe('1987-03-14');
  });

  test('the same person written differently has the same index; another person or birthday another', () => {
    const index = nameAndBirthBlindIndex(key, 'Zwaantje Plantinga-Oudekerk', '1987-03-14');
    expect(index).toMatch(/^[0-9a-f]{32}$/);
    expect(nameAndBirthBlindIndex(key, 'zwaantje  PLANTINGA oudekerk', '1987-03-14')).toBe(index);
    expect(nameAndBirthBlindIndex(key, 'Zwaantje Plantinga-Oudekerk', '1987-03-15')).not.toBe(index);
    expect(nameAndBirthBlindIndex(key, 'Zwaantje Plantinga', '1987-03-14')).not.toBe(index);
    expect(nameAndBirthBlindIndex(key, 'Zwaantje Plantinga-Oudekerk', '')).toBeUndefined();
  });
});

describe('the index of a case', () => {
  const contact = {
    name: 'Zwaantje Plantinga-Oudekerk',
    phone: '+31687654321',
    email: 'zwaantje@planted.example',
    dateOfBirth: '1987-03-14',
  };

  test('holds the phone, and the name with the date of birth, each as a keyed hash only', () => {
    const indexes = blindIndexesOf(key, contact);
    expect(indexes).toEqual([
      phoneBlindIndex(key, '06 8765 4321'),
      nameAndBirthBlindIndex(key, 'zwaantje plantinga oudekerk', '1987-03-14'),
    ]);
    const text = indexes.join(' ');
    for (const plain of ['87654321', 'plantinga', 'Plantinga', '1987', ...lookupValuesOf(contact)]) {
      expect(text).not.toContain(plain);
    }
  });

  test('a name without a date of birth is not indexed (it alone would find too many people)', () => {
    expect(blindIndexesOf(key, { name: contact.name })).toEqual([]);
    expect(blindIndexesOf(key, { name: contact.name, phone: contact.phone })).toEqual([
      phoneBlindIndex(key, contact.phone),
    ]);
  });

  test('another key gives other indexes: without the key nothing can be tested against them', () => {
    const ours = blindIndexesOf(key, contact);
    const theirs = blindIndexesOf(otherKey, contact);
    expect(theirs).toHaveLength(2);
    for (const index of theirs) expect(ours).not.toContain(index);
  });
});

describe('the search as staff give it', () => {
  test('a phone alone, or a name with a date of birth, is a search; empty fields count as not given', () => {
    expect(parseFindQuery({ telefoon: '06 1234 5678' })).toEqual({
      ok: true,
      query: { phone: '06 1234 5678' },
    });
    expect(parseFindQuery({ telefoon: '', naam: 'An de Vries', geboortedatum: '1990-01-02' })).toEqual({
      ok: true,
      query: { name: 'An de Vries', dateOfBirth: '1990-01-02' },
    });
  });

  test('each problem names its field', () => {
    const fields = (raw: Record<string, unknown>) => {
      const parsed = parseFindQuery(raw, { unknownFieldsRefused: true });
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.field}:${p.code}`);
    };
    expect(fields({})).toEqual(['telefoon:query_needed']);
    expect(fields({ telefoon: 'bel me' })).toEqual(['telefoon:invalid_value']);
    expect(fields({ naam: 'An de Vries' })).toEqual(['geboortedatum:required_with_name']);
    expect(fields({ geboortedatum: '1990-01-02' })).toEqual(['naam:required_with_date_of_birth']);
    expect(fields({ naam: 'An', geboortedatum: '02-01-1990' })).toEqual(['geboortedatum:invalid_value']);
    expect(fields({ telefoon: ['0612345678', '0687654321'] })).toEqual(['telefoon:invalid_value']);
    expect(fields({ phone: '0612345678' })).toEqual(['phone:unknown_field', 'telefoon:query_needed']);
  });
});
