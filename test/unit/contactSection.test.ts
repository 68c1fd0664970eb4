/**
 * The case page's check-ins section from a case state: the plan in Dutch time with its statuses in
 * words, the contacts recorded, and only the forms that fit the case and the reader's role, each
 * field labelled; a refused form keeps what was typed and ties its problem to the field.
 */
import { translator } from '../../i18n';
import type { CasePageDecision } from '../../web/caseDecisions';
import { checkInDecisionWords, contactSection } from '../../web/views/contactSection';
import type { CaseState, DecisionRecord } from '../../workflows/messages';

const base = {
  reference: 'CSG-LIM-2026-000001',
  regionId: 'limburg',
  phase: 'watchful_waiting',
  openRequests: [],
  requests: [],
  decisions: [],
  checkInPlan: [
    { id: 'checkin-dag-3', at: '2026-03-04T09:00:00Z', screening: false, status: 'gedaan' },
    { id: 'checkin-dag-14', at: '2026-03-15T09:00:00Z', screening: false, status: 'gepland' },
    { id: 'checkin-dag-28', at: '2026-03-29T08:00:00Z', screening: true, status: 'gepland' },
  ],
  contacts: [
    { at: '2026-03-04T10:00:00Z', by: 'cm-017', reached: true, outcome: 'gaat_goed', note: 'Slaapt <goed>' },
    { at: '2026-03-05T10:00:00Z', by: 'cm-017', reached: false, retryAt: '2026-03-06T08:15:00Z' },
  ],
  failedContacts: 1,
  extended: false,
  casemanager: 'cm-017',
} as unknown as CaseState;

const everything = () => true;
const render = (
  state: CaseState,
  mayDecide: (name: CasePageDecision) => boolean = everything,
  lang: 'nl' | 'en' = 'nl',
) => contactSection({ state, csrfToken: 'tok', mayDecide, closed: false, t: translator(lang) }).toString();

test('the plan in Dutch time with its statuses, and the contacts recorded, in the reader language', () => {
  const nl = render(base);
  expect(nl).toMatch(
    /id="plan-checkin-dag-28">\s*<td>29-03-2026,? 10:00<\/td>\s*<td>contactmoment met screening<\/td>\s*<td>gepland<\/td>/,
  );
  expect(nl).toContain('Gaat goed');
  // Staff text is escaped.
  expect(nl).toContain('Slaapt &lt;goed&gt;');
  expect(nl).toMatch(/Niet bereikt; nieuwe poging 06-03-2026,? 09:15/);
  expect(nl).toContain('1 mislukte contactpoging op rij.');
  const en = render(base, everything, 'en');
  expect(en).toContain('Doing well');
  expect(en).toContain('1 failed contact attempt in a row.');
});

test('only the forms that fit: no besluit unless the case waits on it, no extension once extended', () => {
  const casemanager = (name: CasePageDecision) => name !== 'contactpogingen';
  const page = render(base, casemanager);
  for (const form of [
    'contactmoment',
    'planning_toevoegen',
    'planning_verplaatsen',
    'planning_annuleren',
    'verlenging',
    'ggz_verwijzing',
  ]) {
    expect(page).toContain(`id="besluit-${form}"`);
  }
  expect(page).not.toContain('id="besluit-contactpogingen"');
  // Moving offers the planned check-ins only, by their moment.
  const move = /<form[^>]*id="besluit-planning_verplaatsen"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
  expect(move).toContain('value="checkin-dag-14"');
  expect(move).toMatch(/29-03-2026,? 10:00 \(met screening\)/);
  expect(move).not.toContain('value="checkin-dag-3"');

  const waiting = {
    ...base,
    extended: true,
    failedContacts: 3,
    checkInPlan: base.checkInPlan!.map((c) => ({ ...c, status: 'gedaan' as const })),
    openRequests: [{ kind: 'contactpogingen' }],
  } as unknown as CaseState;
  const coordinator = render(waiting);
  expect(coordinator).toContain('id="besluit-contactpogingen"');
  expect(coordinator).toContain('De coördinator beslist hoe het verder gaat.');
  expect(coordinator).not.toContain('id="besluit-verlenging"');
  expect(coordinator).not.toContain('id="besluit-planning_verplaatsen"');

  // Referred once, the referral is not offered again; a case still on its fixed check-ins (no
  // plan) records them through its requests, so no contact or plan form.
  const referred = { ...base, requests: [{ kind: 'ggz_verwijzing' }] } as unknown as CaseState;
  expect(render(referred)).not.toContain('id="besluit-ggz_verwijzing"');
  const fixed = render({ ...base, checkInPlan: [] } as unknown as CaseState);
  for (const form of ['contactmoment', 'planning_toevoegen', 'verlenging', 'ggz_verwijzing']) {
    expect(fixed).not.toContain(`id="besluit-${form}"`);
  }
  // Owned but still in acute care: the GGZ referral may come at any moment after the handover.
  const acute = render({ ...base, phase: 'acute_zorg', checkInPlan: [] } as unknown as CaseState);
  expect(acute).toContain('id="besluit-ggz_verwijzing"');
  expect(acute).not.toContain('id="besluit-contactmoment"');
});

test('every field has a label; a refused field keeps its value and names its problem', () => {
  const page = contactSection({
    state: base,
    csrfToken: 'tok',
    mayDecide: everything,
    closed: false,
    t: translator('nl'),
    refused: {
      decision: 'contactmoment',
      values: { reached: 'false', retryDatum: '31-02-2026' },
      problems: [{ field: 'retryDatum', text: 'Vul de datum in' }],
    },
  }).toString();
  const ids = [...page.matchAll(/<(?:input|select)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
  expect(ids.length).toBeGreaterThan(10);
  for (const id of ids) expect(page).toContain(`for="${id}"`);
  expect(page).toMatch(
    /id="contactmoment-retryDatum"[^>]*value="31-02-2026"[^>]*aria-invalid="true"[^>]*aria-describedby="contactmoment-retryDatum-fout"/,
  );
  expect(page).toContain(
    '<p class="utrecht-paragraph fout" id="contactmoment-retryDatum-fout">Vul de datum in</p>',
  );
  expect(page).toMatch(/id="contactmoment-reached-false"[^>]*checked/);
});

test("the timeline reads the check-in decisions in words, never the workflow's codes", () => {
  const t = translator('nl');
  const words = (type: string, value: string) =>
    checkInDecisionWords(t, { type, value, at: '', by: 'cm-017' } as unknown as DecisionRecord);
  expect(
    words(
      'contactmoment',
      'bereikt: stressreactie; screening: ptss_vermoeden; volgend contact checkin-dag-14',
    ),
  ).toBe('Bereikt: Stressreactie; Screening: Vermoeden van PTSS; volgend contact gepland');
  expect(words('contactmoment', 'niet bereikt; nieuwe poging checkin-poging-1')).toBe(
    'Niet bereikt; nieuwe poging gepland',
  );
  expect(words('ggz_verwijzing', 'wens_slachtoffer')).toBe('Op wens van het slachtoffer');
  expect(words('contactpogingen', 'andere_route')).toContain('huisarts');
  expect(words('intake', 'x')).toBeUndefined();
});
