/**
 * The rule table, role by role: what each role may do, what it may not, and which regions it
 * serves. One expectation per role lists everything it may do, so a rule that widens or narrows
 * a role fails here and has to be decided on purpose.
 */
import {
  ACCESS_ACTIONS,
  may,
  ROLE_ACTIONS,
  servesRegion,
  STAFF_ROLES,
  type AccessAction,
  type Staff,
} from '../../domain/access';
import { DECISION_NAMES } from '../../domain/decisions';

const staff = (role: Staff['role'], regions: Staff['regions'] = 'alle'): Staff => ({
  id: 'x1',
  role,
  regions,
});
const allowed = (role: Staff['role']) => ACCESS_ACTIONS.filter((a) => may(staff(role), a));

describe('the rule table', () => {
  test('helpline: start, read, find, and the victim’s own statements; no casework, no ops', () => {
    expect(allowed('helpline')).toEqual([
      'starten',
      'inzien',
      'besluit.politiewens',
      'besluit.toestemming',
      'besluit.incidenttijd',
      'besluit.intrekking',
      'besluit.aangifte',
      'besluit.ervaringsvragen',
      'zoeken',
    ]);
    for (const refused of [
      'besluit.ontvangstbevestiging',
      'besluit.checkin',
      'besluit.overdracht',
      'besluit.koppeling',
      'heropenen',
      'sluiting',
      'herinnering',
      'ops_overzicht',
      'sessies_intrekken',
      'regio_overzicht',
    ] as const) {
      expect(may(staff('helpline'), refused)).toBe(false);
    }
  });

  test('casemanager: read, find, every decision but the transfer, the owner and the decision after failed contacts, reopening; no start, no closing, no ops', () => {
    expect(allowed('casemanager')).toEqual([
      'inzien',
      ...DECISION_NAMES.filter((n) => !['overdracht', 'eigenaar', 'contactpogingen'].includes(n)).map(
        (n) => `besluit.${n}`,
      ),
      'heropenen',
      'zoeken',
      'werklijst',
    ]);
    expect(may(staff('casemanager'), 'besluit.overdracht')).toBe(false);
    // A casemanager cannot take a case over, nor hand theirs on: the coordinator decides.
    expect(may(staff('casemanager'), 'besluit.eigenaar')).toBe(false);
    // After repeated failed contact attempts the coordinator decides, not the casemanager who tried.
    expect(may(staff('casemanager'), 'besluit.contactpogingen')).toBe(false);
    for (const own of ['contactmoment', 'planning', 'verlenging', 'ggz_verwijzing', 'tweede_ring'] as const) {
      expect(may(staff('casemanager'), `besluit.${own}`)).toBe(true);
    }
    // Asking the second ring is casework, like the GGZ referral: the coordinator may, the helpline not.
    expect(may(staff('coordinator'), 'besluit.tweede_ring')).toBe(true);
    expect(may(staff('helpline'), 'besluit.tweede_ring')).toBe(false);
    expect(may(staff('ops'), 'besluit.tweede_ring')).toBe(false);
    expect(may(staff('casemanager'), 'starten')).toBe(false);
    expect(may(staff('casemanager'), 'sluiting')).toBe(false);
  });

  test("coordinator: everything a casemanager may but the own worklist, plus the transfer, the owner, closing a case and the region's overview", () => {
    // The worklist lists the cases one owns; a coordinator owns none.
    expect(may(staff('coordinator'), 'werklijst')).toBe(false);
    const casemanager: AccessAction[] = allowed('casemanager').filter((a) => a !== 'werklijst');
    const coordinator = allowed('coordinator');
    expect(coordinator).toEqual(expect.arrayContaining(casemanager));
    expect(coordinator.filter((a) => !casemanager.includes(a)).sort()).toEqual([
      'besluit.contactpogingen',
      'besluit.eigenaar',
      'besluit.overdracht',
      'regio_overzicht',
      'sluiting',
      'werklijst_collega',
    ]);
  });

  test('ops: read, the ops room and its actions, revoking sessions, region overviews, the re-seal after a key rotation; no decision but the one after failed contacts, no search, no start', () => {
    expect(allowed('ops')).toEqual([
      'inzien',
      'besluit.contactpogingen',
      'herinnering',
      'toewijzing',
      'sluiting',
      'ops_overzicht',
      'sessies_intrekken',
      'regio_overzicht',
      'herversleutelen',
    ]);
    expect(allowed('ops').filter((a) => a.startsWith('besluit.'))).toEqual(['besluit.contactpogingen']);
  });

  test('privacy: the access export and erasure, reading the state for that only; nothing else', () => {
    expect(allowed('privacy')).toEqual(['inzien', 'inzage_export', 'wissen']);
  });

  test('every decision of the decision table is in the closed list of actions', () => {
    for (const name of DECISION_NAMES) expect(ACCESS_ACTIONS).toContain(`besluit.${name}`);
  });

  test('every action is allowed to some role, and the table names only known actions', () => {
    for (const action of ACCESS_ACTIONS) {
      expect(STAFF_ROLES.some((role) => may(staff(role), action))).toBe(true);
    }
    for (const role of STAFF_ROLES) {
      for (const action of ROLE_ACTIONS[role]) expect(ACCESS_ACTIONS).toContain(action);
    }
  });
});

describe('regions', () => {
  test('"alle" serves every region; a list serves only its own', () => {
    expect(servesRegion(staff('helpline'), 'limburg')).toBe(true);
    expect(servesRegion(staff('helpline'), 'gelderland-zuid-midden')).toBe(true);
    const limburg = staff('casemanager', ['limburg']);
    expect(servesRegion(limburg, 'limburg')).toBe(true);
    expect(servesRegion(limburg, 'gelderland-zuid-midden')).toBe(false);
    expect(servesRegion(staff('coordinator', []), 'limburg')).toBe(false);
  });
});
