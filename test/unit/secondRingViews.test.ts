/**
 * The second ring's words on the pages that are not the case page's form: the workflow's two notes
 * read in English on an English partner page, a region without second-ring partners says so, the
 * section offers nothing to a role without the decision, and an archived case shows the guardian
 * its file holds beside the victim's other details.
 */
import { ANONYMOUS_CONSULTATION_NOTE, SECOND_RING_NOTE } from '../../domain/secondRing';
import { translator } from '../../i18n';
import { archivedDetails } from '../../web/views/archivedCase';
import { noteText } from '../../web/views/partnerPage';
import { secondRingSection } from '../../web/views/secondRingSection';
import type { CaseState } from '../../workflows/messages';

const t = translator('nl');
const state = (regionId: string) =>
  ({ reference: 'CSG-LIM-2026-000001', regionId, requests: [], decisions: [] }) as unknown as CaseState;

test("the workflow's second-ring notes read in English on an English partner page", () => {
  const ui = { t: translator('en'), lang: 'en' as const, switchHref: '/' };
  expect(noteText(ui, SECOND_RING_NOTE)).toBe("A question from the CSG's casemanager");
  expect(noteText(ui, ANONYMOUS_CONSULTATION_NOTE)).toMatch(/^Consultation under the reporting code/);
});

test('a region without its own directory names no second ring; the section says so', () => {
  const html = String(
    secondRingSection({ state: state('landelijk'), csrfToken: 'x', mayAsk: true, closed: false, t }),
  );
  expect(html).toContain('Deze regio heeft nog geen partners uit de tweede ring');
  expect(html).not.toContain('<form');
});

test('a role that may not ask sees the partners and their consent, but no button and no guardian', () => {
  const html = String(
    secondRingSection({ state: state('limburg'), csrfToken: 'x', mayAsk: false, closed: false, t }),
  );
  expect(html).toContain('id="tweede-ring-partner-veilig_thuis"');
  expect(html).not.toContain('<form');
  expect(html).not.toContain('id="ouder-voogd"');
});

test('an archived case shows the guardian its file holds', () => {
  const html = String(
    archivedDetails(t, {
      victimAge: { kind: 'years', years: 12 },
      guardian: { relation: 'ouder', name: 'Voorbeeld Ouder', phone: '+31612300001' },
    }),
  );
  expect(html).toContain('<dt>Ouder of voogd</dt>');
  expect(html).toContain('Ouder, Voorbeeld Ouder, +31612300001');
});
