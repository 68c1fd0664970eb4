/**
 * The ops pages read every code in words, whatever the case holds: each phase, partner, tier,
 * request kind, closing reason and outcome of domain/vocabulary.ts, and each kind of history line
 * (decisions, ops actions, escalations), in Dutch and in English. Rendered without a server from
 * cases built to hold them all; the list of codes comes from the vocabularies
 * (testkit/rawCodes.ts), so a new code is checked here as soon as it exists.
 */
import {
  CASE_OUTCOMES,
  CASE_PHASES,
  CLOSE_REASONS,
  PARTNER_ROLES,
  RECIPIENT_TIERS,
  REQUEST_KINDS,
} from '../../domain/vocabulary';
import { translator, type Lang } from '../../i18n';
import { rawCodesIn } from '../../testkit/rawCodes';
import { opsCasePage, opsOverviewPage } from '../../web/views/opsPage';
import type { CaseState, RequestView } from '../../workflows/messages';
import type { HistoryEntry } from '../../workflows/opsMessages';

const AT = '2026-11-30T10:00:00Z';

/** One request per partner role, each kind and tier in turn. */
const requests: RequestView[] = PARTNER_ROLES.map((role, i) => ({
  requestId: `${REQUEST_KINDS[i % REQUEST_KINDS.length]}-${i}`,
  kind: REQUEST_KINDS[i % REQUEST_KINDS.length]!,
  role,
  status: 'open',
  requestedAt: AT,
  dueBy: AT,
  escalationLevel: i % 3,
  awaitedTier: RECIPIENT_TIERS[i % RECIPIENT_TIERS.length]!,
}));

function state(over: Partial<CaseState>): CaseState {
  return {
    reference: 'CSG-LIM-2026-000123',
    regionId: 'limburg',
    phase: 'acute_zorg',
    triage: {
      window: 'binnen_72_uur',
      acute: true,
      basis: 'exact',
      forensicPartner: 'forensisch_arts',
      medicalPartner: 'acute_medische_zorg',
    },
    openRequests: requests,
    requests,
    decisions: [],
    ...over,
  };
}

const history: HistoryEntry[] = [
  {
    at: AT,
    by: 'hulplijn-017',
    kind: 'besluit',
    type: 'intake',
    value: 'telefoon; binnen_72_uur; politie: twijfel; medisch: ja',
  },
  { at: AT, by: 'cm-017', kind: 'besluit', type: 'toestemming', value: 'forensische_opsporing: gegeven' },
  { at: AT, by: 'cm-017', kind: 'besluit', type: 'checkin', value: 'geen_contact' },
  {
    at: AT,
    by: 'cm-017',
    kind: 'besluit',
    type: 'ontvangstbevestiging',
    value: 'bevestigd',
    requestId: requests[0]!.requestId,
  },
  {
    at: AT,
    by: 'cm-017',
    kind: 'besluit',
    type: 'incidenttijd',
    value: 'approximate: binnen_72_uur → na_7_dagen',
  },
  // Corrections, transfer, reopening: values that join codes into one line.
  ...[
    ['leeftijd', 'leeftijd; reden: invoerfout; fmo door: forensisch_arts → nfi'],
    ['gemeente', 'andere regio: utrecht; reden: nieuwe_informatie'],
    ['gemeente', 'zelfde regio; reden: gewijzigd'],
    ['contactgegevens', 'velden: name, phone, email; reden: op_verzoek_slachtoffer'],
    ['veilige_kanalen', 'velden: safeToCall, safeToText, safeToEmail; reden: gewijzigd'],
    ['taal', 'velden: language, interpreterNeeded; reden: invoerfout'],
    ['medische_wens', 'ja; reden: nieuwe_informatie'],
    ['heropening', 'CSG-LIM-2026-000100; opnieuw_contact'],
    ['overdracht', 'naar utrecht'],
  ].map(([type, value]): HistoryEntry => ({
    at: AT,
    by: 'cm-017',
    kind: 'besluit',
    type: type!,
    value: value!,
  })),
  ...requests.map((r): HistoryEntry => ({
    at: AT,
    by: 'ops',
    kind: 'ops',
    type: 'herinnering',
    value: `${r.role}/${r.awaitedTier}`,
    requestId: r.requestId,
  })),
  { at: AT, by: 'ops', kind: 'ops', type: 'toewijzing', value: 'casemanager/primary → casemanager/backup' },
  ...requests.map((r): HistoryEntry => ({
    at: AT,
    by: 'workflow',
    kind: 'escalatie',
    type: 'escalatie',
    value: `${r.role}/${r.awaitedTier} niveau 2`,
    requestId: r.requestId,
  })),
  ...CLOSE_REASONS.map((reason): HistoryEntry => ({
    at: AT,
    by: 'ops',
    kind: 'ops',
    type: 'sluiting',
    value: reason,
  })),
];

/** The text a person reads: tags (and so attribute values such as option values) taken out. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const page = (lang: Lang, s: CaseState) =>
  opsCasePage({
    staffId: 'ops',
    csrfToken: 'x',
    state: s,
    history,
    ui: { t: translator(lang), lang, switchHref: '/' },
  });

describe.each(['nl', 'en'] as const)('%s', (lang) => {
  test('a running case: open requests, the actions and the history in words', () => {
    const text = visibleText(page(lang, state({})));
    expect(rawCodesIn(text, lang)).toEqual([]);
    // Not a pass on nothing: each partner and each closing reason is there, in words.
    const t = translator(lang);
    for (const role of PARTNER_ROLES) expect(text).toContain(t(`request.roles.${role}`));
    for (const reason of CLOSE_REASONS) expect(text).toContain(t(`casePage.closeReasons.${reason}`));
    // The field names of a correction are words too, not the program's names.
    expect(text).not.toMatch(/safeTo|interpreterNeeded|\bfmo door\b/);
    expect(text).toContain(
      t('caseWords.recorded.fmoBy', { before: t('request.roles.forensisch_arts'), after: 'NFI' }),
    );
  });

  test.each(CASE_OUTCOMES)('a case closed as %s', (outcome) => {
    expect(rawCodesIn(visibleText(page(lang, state({ phase: 'afgesloten', outcome }))), lang)).toEqual([]);
  });

  test('the overdue requests, one in every phase', () => {
    const html = opsOverviewPage({
      staffId: 'ops',
      csrfToken: 'x',
      stuck: CASE_PHASES.flatMap((phase, i) => ({
        reference: `CSG-LIM-2026-00010${i}`,
        regionId: 'limburg',
        phase,
        request: requests[i % requests.length]!,
        overdueMinutes: 5,
      })),
      ui: { t: translator(lang), lang, switchHref: '/' },
    });
    expect(rawCodesIn(visibleText(html), lang)).toEqual([]);
  });
});
