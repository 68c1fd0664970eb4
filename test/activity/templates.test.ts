/**
 * Message templates: in the partner's language (Dutch by default, English where the region file
 * says so); reference, deadline and link; nothing personal; the SMS GSM-7 and one segment beyond
 * the link.
 */
import { formatDeadline, renderNotice, renderRequest } from '../../activities/templates';
import { REQUEST_KINDS, type NoticeKind, type RequestKind } from '../../domain/types';
import { LANGUAGES, type Lang } from '../../i18n';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { rawCodesIn } from '../../testkit/rawCodes';

const CATALOG = { nl, en };
// GSM 03.38 basic character set (plus space and newline): anything else turns the SMS into UCS-2.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;
const URL = 'https://meldingen.example.org/p/abc?sig=xyz';

const input = (kind: RequestKind, language: Lang = 'nl') => ({
  kind,
  meldingRef: 'CSG-LIM-2026-000123',
  dueBy: '2026-07-01T22:15:00.000Z',
  actionUrl: URL,
  recipientName: 'Piket casemanager',
  tier: 'primary' as const,
  attempt: 1,
  language,
});

const cases = REQUEST_KINDS.flatMap((kind) => LANGUAGES.map((lang) => [kind, lang] as const));

test('deadlines are Dutch local time (summer and winter)', () => {
  expect(formatDeadline('2026-07-01T22:15:00.000Z')).toEqual({ nl: 'do 2 jul 00:15', en: 'Thu 2 Jul 00:15' });
  expect(formatDeadline('2026-03-12T13:30:00.000Z')).toEqual({
    nl: 'do 12 mrt 14:30',
    en: 'Thu 12 Mar 14:30',
  });
});

test.each(cases)(
  '%s in %s: email and SMS carry reference, what is asked, deadline and link',
  (kind, lang) => {
    const m = renderRequest(input(kind, lang));
    const deadline = lang === 'nl' ? 'do 2 jul 00:15' : 'Thu 2 Jul 00:15';
    for (const text of [m.text, m.sms]) {
      expect(text).toContain('CSG-LIM-2026-000123');
      expect(text).toContain(deadline);
      expect(text).toContain(URL);
    }
    expect(m.text).toContain(CATALOG[lang].message.kinds[kind].ask);
    expect(m.sms).toContain(CATALOG[lang].message.kinds[kind].sms);
    expect(m.subject).toContain('CSG-LIM-2026-000123');
    expect(m.html).toContain(
      `<a href="${URL}" style="overflow-wrap:anywhere;word-break:break-all">${URL}</a>`,
    );
    expect(m.html).toContain(`<html lang="${lang}">`);
  },
);

test.each(cases)('%s in %s: one language only, as the partner reads it', (kind, lang) => {
  const m = renderRequest(input(kind, lang));
  const other = CATALOG[lang === 'nl' ? 'en' : 'nl'];
  expect(m.text).not.toContain(other.message.kinds[kind].ask);
  expect(m.text).toContain(lang === 'nl' ? 'Beste Piket casemanager,' : 'Dear Piket casemanager,');
});

test.each(cases)('%s in %s: the SMS is GSM-7 and fits one segment beyond the link', (kind, lang) => {
  for (const attempt of [1, 2]) {
    const { sms } = renderRequest({ ...input(kind, lang), attempt });
    expect(sms).toMatch(GSM7);
    expect(sms.replace(URL, '').length).toBeLessThanOrEqual(160);
  }
});

test('the templates take no victim data at all: the input type has no field for it', () => {
  const keys = Object.keys(input('fmo')).sort();
  expect(keys).toEqual([
    'actionUrl',
    'attempt',
    'dueBy',
    'kind',
    'language',
    'meldingRef',
    'recipientName',
    'tier',
  ]);
});

test('a reminder and an escalation say so, in each language', () => {
  expect(renderRequest({ ...input('checkin'), attempt: 2 }).subject).toMatch(/^Herinnering: /);
  expect(renderRequest({ ...input('checkin', 'en'), attempt: 2 }).subject).toMatch(/^Reminder: /);
  const backup = renderRequest({ ...input('casemanager_overdracht'), tier: 'backup' });
  expect(backup.text).toContain('U ontvangt dit als achterwacht');
  const backupEn = renderRequest({ ...input('casemanager_overdracht', 'en'), tier: 'backup' });
  expect(backupEn.text).toContain('You receive this as backup');
});

test('the HTML escapes what it shows', () => {
  const m = renderRequest({ ...input('fmo'), recipientName: '<b>Team</b>' });
  expect(m.html).toContain('&lt;b&gt;Team&lt;/b&gt;');
  expect(m.html).not.toContain('<b>Team</b>');
});

test.each(['ingetrokken', 'vervallen', 'overgedragen'] as NoticeKind[])(
  'notice %s: no link, no ask, GSM-7 SMS, in the partner language',
  (notice) => {
    const m = renderNotice({
      kind: 'fmo',
      notice,
      meldingRef: 'CSG-LIM-2026-000123',
      recipientName: 'NFI',
      language: 'nl',
    });
    expect(m.text).toContain('U hoeft niets meer te doen');
    expect(m.text).not.toContain('No action is needed');
    const e = renderNotice({
      kind: 'fmo',
      notice,
      meldingRef: 'CSG-LIM-2026-000123',
      recipientName: 'NFI',
      language: 'en',
    });
    expect(e.text).toContain('No action is needed');
    for (const message of [m, e]) {
      expect(message.text).not.toContain('http');
      expect(message.sms).toMatch(GSM7);
      expect(message.sms).toContain('CSG-LIM-2026-000123');
    }
  },
);

test.each(LANGUAGES)(
  'in %s, what is asked reads as written in the catalogue: abbreviations keep their capitals',
  (lang) => {
    const fmo = renderRequest(input('fmo', lang));
    expect(fmo.text).toContain('(FMO)');
    expect(fmo.text).not.toMatch(/\bfmo\b/);
    const ggz = renderNotice({
      kind: 'ggz_verwijzing',
      notice: 'vervallen',
      meldingRef: 'CSG-LIM-2026-000123',
      recipientName: 'GGZ',
      language: lang,
    });
    expect(ggz.text).toContain('GGZ');
    expect(ggz.text).not.toMatch(/\bggz\b/);
    for (const kind of REQUEST_KINDS)
      expect(rawCodesIn(renderRequest(input(kind, lang)).text, lang)).toEqual([]);
  },
);
