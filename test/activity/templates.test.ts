/** Message templates: Dutch with English alongside; reference, deadline and link; nothing personal in SMS. */
import { formatDeadline, KIND_TEXT, renderNotice, renderRequest } from '../../activities/templates';
import type { NoticeKind, RequestKind } from '../../domain/types';

const KINDS = Object.keys(KIND_TEXT) as RequestKind[];
// GSM 03.38 basic character set (plus space and newline): anything else turns the SMS into UCS-2.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

const input = (kind: RequestKind) => ({
  kind,
  meldingRef: 'CSG-LIM-2026-000123',
  dueBy: '2026-07-01T22:15:00.000Z',
  actionUrl: 'https://meldingen.example.org/p/abc?sig=xyz',
  recipientName: 'Piket casemanager',
  tier: 'primary' as const,
  attempt: 1,
});

test('deadlines are Dutch local time (summer and winter)', () => {
  expect(formatDeadline('2026-07-01T22:15:00.000Z')).toEqual({ nl: 'do 2 jul 00:15', en: 'Thu 2 Jul 00:15' });
  expect(formatDeadline('2026-03-12T13:30:00.000Z')).toEqual({
    nl: 'do 12 mrt 14:30',
    en: 'Thu 12 Mar 14:30',
  });
});

test.each(KINDS)('%s: email and SMS carry reference, what is asked, deadline and link', (kind) => {
  const m = renderRequest(input(kind));
  for (const text of [m.text, m.sms]) {
    expect(text).toContain('CSG-LIM-2026-000123');
    expect(text).toContain('do 2 jul 00:15');
    expect(text).toContain('https://meldingen.example.org/p/abc?sig=xyz');
  }
  expect(m.text).toContain(KIND_TEXT[kind].askNl);
  expect(m.text).toContain(KIND_TEXT[kind].askEn);
  expect(m.sms).toContain(KIND_TEXT[kind].smsNl);
  expect(m.subject).toContain('CSG-LIM-2026-000123');
  expect(m.html).toContain('<a href="https://meldingen.example.org/p/abc?sig=xyz">');
});

test.each(KINDS)('%s: the SMS is GSM-7 and short: reference, ask, deadline, link only', (kind) => {
  const { sms } = renderRequest(input(kind));
  expect(sms).toMatch(GSM7);
  expect(sms.replace('https://meldingen.example.org/p/abc?sig=xyz', '').length).toBeLessThanOrEqual(140);
});

test('the templates take no victim data at all: the input type has no field for it', () => {
  const keys = Object.keys(input('fmo')).sort();
  expect(keys).toEqual(['actionUrl', 'attempt', 'dueBy', 'kind', 'meldingRef', 'recipientName', 'tier']);
});

test('a reminder and an escalation say so, in both languages', () => {
  const reminder = renderRequest({ ...input('checkin'), attempt: 2 });
  expect(reminder.subject).toMatch(/^Herinnering: .* \/ Reminder: /);
  const backup = renderRequest({ ...input('casemanager_overdracht'), tier: 'backup' });
  expect(backup.text).toContain('U ontvangt dit als achterwacht');
  expect(backup.text).toContain('You receive this as backup');
});

test('the HTML escapes what it shows', () => {
  const m = renderRequest({ ...input('fmo'), recipientName: '<b>Team</b>' });
  expect(m.html).toContain('&lt;b&gt;Team&lt;/b&gt;');
  expect(m.html).not.toContain('<b>Team</b>');
});

test.each(['ingetrokken', 'vervallen', 'overgedragen'] as NoticeKind[])(
  'notice %s: no link, no ask, GSM-7 SMS',
  (notice) => {
    const m = renderNotice({ kind: 'fmo', notice, meldingRef: 'CSG-LIM-2026-000123', recipientName: 'NFI' });
    expect(m.text).toContain('U hoeft niets meer te doen');
    expect(m.text).toContain('No action is needed');
    expect(m.text).not.toContain('http');
    expect(m.sms).toMatch(GSM7);
    expect(m.sms).toContain('CSG-LIM-2026-000123');
  },
);
