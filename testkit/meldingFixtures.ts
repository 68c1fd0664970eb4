/**
 * A valid melding intake with overrides, for every test that needs one. Fictional data only:
 * reserved example domains and a fictional number, no real person.
 */
import type { MeldingIntake } from '../domain/types';

const HOUR_MS = 60 * 60 * 1000;
let sequence = 0;

/** A fresh reference per call, so tests never collide on workflow ids. */
export function nextReference(regionCode = 'LIM'): string {
  sequence += 1;
  const n = (Date.now() % 1_000_000) + sequence;
  return `CSG-${regionCode}-2026-${String(n % 1_000_000).padStart(6, '0')}`;
}

type IntakeOverrides = Partial<Omit<MeldingIntake, 'wishes' | 'contactPreferences'>> & {
  wishes?: Partial<MeldingIntake['wishes']>;
  contactPreferences?: Partial<MeldingIntake['contactPreferences']>;
};

/**
 * An adult victim in Maastricht (region limburg), incident 10 hours before the intake, police
 * "ja", medical care "ja". `receivedAt` defaults to now; `hoursAgo` sets the incident relative to it.
 */
export function buildIntake(overrides: IntakeOverrides = {}, hoursAgo = 10): MeldingIntake {
  const receivedAt = overrides.receivedAt ?? new Date().toISOString();
  const incidentAt = new Date(Date.parse(receivedAt) - hoursAgo * HOUR_MS).toISOString();
  const { wishes, contactPreferences, ...rest } = overrides;
  return {
    reference: nextReference(),
    channel: 'telefoon',
    callerRole: 'slachtoffer',
    incidentTime: { kind: 'exact', at: incidentAt },
    victimAge: { kind: 'years', years: 24 },
    municipality: 'Maastricht',
    onlineComponent: false,
    immediateDanger: false,
    victimContact: {
      name: 'Voorbeeld Persoon',
      phone: '+31612300000',
      email: 'slachtoffer@voorbeeld.example',
    },
    recordedBy: 'hulplijn-017',
    ...rest,
    receivedAt,
    wishes: { police: 'ja', medicalCare: 'ja', ...wishes },
    contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: false, ...contactPreferences },
  };
}
