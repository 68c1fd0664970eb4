/**
 * The partner page shows the victim's language and whether an interpreter is needed (as the case
 * holds them after a correction), in the page's language, only when the details carry them: the
 * consent filter (domain/sharing.ts) decides that.
 */
import { sharedDetailsFor } from '../../domain/sharing';
import { translator } from '../../i18n';
import { buildIntake } from '../../testkit/meldingFixtures';
import { escapeHtml } from '../../web/kit/html';
import { partnerPage } from '../../web/views/partnerPage';
import type { RequestView } from '../../workflows/messages';

const request: RequestView = {
  requestId: 'fmo',
  kind: 'fmo',
  role: 'forensisch_arts',
  status: 'open',
  requestedAt: '2026-03-10T12:00:00Z',
  dueBy: '2026-03-10T13:00:00Z',
  escalationLevel: 0,
  awaitedTier: 'primary',
};
const intake = buildIntake({ language: 'ar', interpreterNeeded: true });
const page = (lang: 'nl' | 'en', consent: boolean) =>
  partnerPage({
    details: sharedDetailsFor({
      intake,
      triageWindow: 'binnen_72_uur',
      kind: 'fmo',
      role: 'forensisch_arts',
      consents: consent ? { forensisch_arts: true } : {},
    }),
    request,
    actionPath: '/partner/x',
    ui: { t: translator(lang), lang, switchHref: '/' },
  });

test.each([
  ['nl', 'Taal', 'Arabisch', 'Tolk nodig', 'ja'],
  ['en', 'Language', 'Arabic', 'Interpreter needed', 'yes'],
] as const)(
  '%s: language (named, not its code) and interpreter with consent',
  (lang, languageLabel, name, interpreterLabel, yes) => {
    const html = page(lang, true);
    expect(html).toMatch(new RegExp(`<dt>${languageLabel}</dt>\\s*<dd>${name}</dd>`));
    expect(html).toMatch(new RegExp(`<dt>${interpreterLabel}</dt>\\s*<dd>${yes}</dd>`));
  },
);

test('without consent neither is shown', () => {
  const html = page('nl', false);
  expect(html).not.toContain('<dt>Taal</dt>');
  expect(html).not.toContain('Tolk nodig');
});

test.each(['nl', 'en'] as const)(
  '%s: the warning under the page speaks of the victim’s details only where the page shows them',
  (lang) => {
    const t = (key: string) => escapeHtml(translator(lang)(key));
    expect(page(lang, true)).toContain(t('partner.doNotShare'));
    const without = page(lang, false);
    expect(without).not.toContain(t('partner.doNotShare'));
    expect(without).toContain(t('partner.doNotShareNoDetails'));
  },
);
