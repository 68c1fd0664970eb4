import { sharedDetailsFor, safeContact } from '../../domain/sharing';
import type { PartnerRole } from '../../domain/types';
import { buildIntake } from '../../testkit/meldingFixtures';

const intake = buildIntake({
  contactPreferences: { safeToCall: true, safeToText: false, safeToEmail: false },
});
const share = (role: PartnerRole, consents = {}) =>
  sharedDetailsFor({ intake, triageWindow: 'binnen_72_uur', kind: 'fmo', role, consents });

describe('what a partner may see', () => {
  test('the casemanager always sees the safe contact details and preferences', () => {
    const d = share('casemanager');
    expect(d.contact).toEqual({ name: intake.victimContact.name, phone: intake.victimContact.phone });
    expect(d.contactPreferences).toEqual(intake.contactPreferences);
  });

  test('the coordinator, standing in for the casemanager, sees them too', () => {
    expect(share('coordinator').contact?.phone).toBe(intake.victimContact.phone);
  });

  test.each<PartnerRole>([
    'zedenpolitie',
    'forensisch_arts',
    'nfi',
    'forensische_opsporing',
    'acute_medische_zorg',
    'ggz',
  ])(
    '%s without recorded consent gets the reference, the question and the window, nothing personal',
    (role) => {
      expect(share(role)).toEqual({
        reference: intake.reference,
        kind: 'fmo',
        role,
        triageWindow: 'binnen_72_uur',
      });
    },
  );

  test('police with recorded consent see the details; consent for another role does not count', () => {
    expect(share('zedenpolitie', { zedenpolitie: true }).contact?.name).toBe(intake.victimContact.name);
    expect(share('zedenpolitie', { nfi: true }).contact).toBeUndefined();
    expect(share('zedenpolitie', { zedenpolitie: false }).contact).toBeUndefined();
  });

  test('a channel marked unsafe is never handed out', () => {
    expect(
      safeContact(
        { phone: '+31612300000', email: 'x@voorbeeld.example' },
        { safeToCall: false, safeToText: false, safeToEmail: true },
      ),
    ).toEqual({ email: 'x@voorbeeld.example' });
  });

  test('no narrative field exists to leak', () => {
    expect(Object.keys(share('casemanager')).sort()).toEqual(
      [
        'contact',
        'contactPreferences',
        'kind',
        'municipality',
        'reference',
        'role',
        'triageWindow',
        'victimAge',
      ].sort(),
    );
  });
});

describe('date of birth and practical notes go where contact details go', () => {
  const full = buildIntake({
    victimContact: { name: 'Voorbeeld', dateOfBirth: '1990-02-28' },
    practicalNotes: 'Alleen na 18 uur bellen',
  });
  const shareFull = (role: PartnerRole, consents = {}) =>
    sharedDetailsFor({ intake: full, triageWindow: 'binnen_72_uur', kind: 'fmo', role, consents });

  test('the casemanager sees them', () => {
    expect(shareFull('casemanager')).toMatchObject({
      contact: { dateOfBirth: '1990-02-28' },
      practicalNotes: 'Alleen na 18 uur bellen',
    });
  });

  test('a partner sees them only with recorded consent, and only where its task needs them', () => {
    expect(shareFull('zedenpolitie')).not.toHaveProperty('practicalNotes');
    expect(shareFull('zedenpolitie')).not.toHaveProperty('contact');
    // The police contact the victim: the notes for whoever calls, not the date of birth.
    const police = shareFull('zedenpolitie', { zedenpolitie: true });
    expect(police).toMatchObject({
      contact: { name: 'Voorbeeld' },
      practicalNotes: 'Alleen na 18 uur bellen',
    });
    expect(police.contact).not.toHaveProperty('dateOfBirth');
    // The forensic doctor examines in person: the date of birth, not the notes for calling.
    const doctor = shareFull('forensisch_arts', { forensisch_arts: true });
    expect(doctor.contact).toEqual({ name: 'Voorbeeld', dateOfBirth: '1990-02-28' });
    expect(doctor).not.toHaveProperty('practicalNotes');
  });
});
