/**
 * Each partner role sees exactly the victim's fields its task needs (domain/sharingFields.ts),
 * with consent given: the partner page shows those rows and no others, and the mail shows none
 * (it carries the reference, what is asked, the deadline and the link; the details wait behind it).
 */
import { renderRequest } from '../../activities/templates';
import { sharedDetailsFor } from '../../domain/sharing';
import { FIELDS_BY_ROLE, SHARED_FIELDS, type SharedField } from '../../domain/sharingFields';
import { PARTNER_ROLES, type PartnerRole, type RequestKind } from '../../domain/vocabulary';
import { translator, type Lang } from '../../i18n';
import { buildIntake } from '../../testkit/meldingFixtures';
import { partnerPage } from '../../web/views/partnerPage';
import type { RequestView } from '../../workflows/messages';

const intake = buildIntake({
  victimAge: { kind: 'years', years: 37 },
  municipality: 'Sittard-Geleen',
  victimContact: {
    name: 'Fenna Rolcheck',
    phone: '+31612398765',
    email: 'fenna.rolcheck@voorbeeld.example',
    dateOfBirth: '1989-04-05',
  },
  contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: true },
  practicalNotes: 'Bellen na 19 uur, eerst naar de naam vragen',
  language: 'ar',
  interpreterNeeded: true,
  guardian: { relation: 'voogd', name: 'Gijs Voogdcheck', phone: '+31612311111' },
});
const allConsents = Object.fromEntries(PARTNER_ROLES.map((role) => [role, true]));

/** The page row each field shows as, and the value only that row shows. */
const ROW: Record<SharedField, { label: string; value?: string }> = {
  name: { label: 'partner.name', value: 'Fenna Rolcheck' },
  phone: { label: 'partner.phone', value: '+31612398765' },
  email: { label: 'partner.email', value: 'fenna.rolcheck@voorbeeld.example' },
  dateOfBirth: { label: 'partner.dateOfBirth', value: '1989-04-05' },
  victimAge: { label: 'partner.age' },
  municipality: { label: 'partner.municipality', value: 'Sittard-Geleen' },
  contactPreferences: { label: 'partner.safeVia' },
  practicalNotes: { label: 'partner.notes', value: 'Bellen na 19 uur' },
  language: { label: 'partner.language' },
  interpreterNeeded: { label: 'partner.interpreter' },
  guardian: { label: 'partner.guardian', value: 'Gijs Voogdcheck' },
};
const ALWAYS = ['partner.reference', 'partner.asked', 'partner.for', 'partner.triage'];

const KIND_OF: Partial<Record<PartnerRole, RequestKind>> = {
  casemanager: 'casemanager_overdracht',
  coordinator: 'regio_overdracht',
  zedenpolitie: 'informatief_gesprek',
  forensisch_arts: 'fmo',
  nfi: 'fmo',
  forensische_opsporing: 'fmo',
  acute_medische_zorg: 'medische_zorg',
  medische_zorg_na_72_uur: 'medische_zorg',
  ggz: 'ggz_verwijzing',
};
const kindOf = (role: PartnerRole): RequestKind => KIND_OF[role] ?? 'informatief_gesprek';

function pageFor(role: PartnerRole, lang: Lang): string {
  const kind = kindOf(role);
  const request: RequestView = {
    requestId: kind,
    kind,
    role,
    status: 'open',
    requestedAt: '2026-03-10T12:00:00Z',
    dueBy: '2026-03-10T13:00:00Z',
    escalationLevel: 0,
    awaitedTier: 'primary',
  };
  const details = sharedDetailsFor({
    intake,
    triageWindow: 'binnen_72_uur',
    kind,
    role,
    consents: allConsents,
  });
  return partnerPage({
    details,
    request,
    actionPath: '/partner/x',
    ui: { t: translator(lang), lang, switchHref: '/' },
  });
}

const rowsOf = (page: string) => [...page.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]!.trim());

test('every role has a field list with a reason', () => {
  for (const role of PARTNER_ROLES) {
    expect(FIELDS_BY_ROLE[role].why.length).toBeGreaterThan(20);
    for (const field of FIELDS_BY_ROLE[role].fields) expect(SHARED_FIELDS).toContain(field);
  }
});

describe.each(PARTNER_ROLES)('%s', (role) => {
  const fields = new Set(FIELDS_BY_ROLE[role].fields);

  test.each(['nl', 'en'] as const)('%s: the page shows exactly the role’s fields', (lang) => {
    const t = translator(lang);
    const page = pageFor(role, lang);
    const expected = [...ALWAYS, ...SHARED_FIELDS.filter((f) => fields.has(f)).map((f) => ROW[f].label)];
    expect(rowsOf(page).sort()).toEqual(expected.map((key) => t(key)).sort());
    for (const field of SHARED_FIELDS) {
      const value = ROW[field].value;
      if (value !== undefined) expect(page.includes(value)).toBe(fields.has(field));
    }
  });

  test.each(['nl', 'en'] as const)('%s: the mail shows none of the victim’s details', (lang) => {
    const mail = renderRequest({
      kind: kindOf(role),
      meldingRef: intake.reference,
      dueBy: '2026-03-10T13:00:00Z',
      actionUrl: 'https://meldingen.example.org/partner/token',
      recipientName: 'Piket',
      tier: 'primary',
      attempt: 1,
      language: lang,
    });
    const all = [mail.subject, mail.text, mail.html, mail.sms].join('\n');
    expect(all).toContain(intake.reference);
    for (const value of [
      'Fenna',
      '+31612398765',
      'rolcheck@',
      '1989-04-05',
      'Sittard',
      'Bellen na 19',
      'Voogdcheck',
    ]) {
      expect(all).not.toContain(value);
    }
  });
});

test('the police see the contact, the forensic doctor what the FMO needs, the GGZ contact and language', () => {
  const share = (role: PartnerRole) =>
    sharedDetailsFor({
      intake,
      triageWindow: 'binnen_72_uur',
      kind: kindOf(role),
      role,
      consents: allConsents,
    });
  expect(share('zedenpolitie').contact).toEqual({
    name: 'Fenna Rolcheck',
    phone: '+31612398765',
    email: 'fenna.rolcheck@voorbeeld.example',
  });
  expect(share('forensisch_arts').contact).toEqual({ name: 'Fenna Rolcheck', dateOfBirth: '1989-04-05' });
  expect(share('forensisch_arts')).not.toHaveProperty('contactPreferences');
  expect(share('ggz')).toMatchObject({ language: 'ar', interpreterNeeded: true });
  expect(share('ggz')).not.toHaveProperty('victimAge');
  expect(share('ggz')).not.toHaveProperty('municipality');
  // Consent still decides first: without it, no role outside the CSG sees anything personal.
  const withoutConsent = sharedDetailsFor({
    intake,
    triageWindow: 'binnen_72_uur',
    kind: 'ggz_verwijzing',
    role: 'ggz',
    consents: {},
  });
  expect(withoutConsent).not.toHaveProperty('contact');
});
