/**
 * A case's case file records as the workflow writes them (caseFile/recordData.ts), for tests of
 * what is read back once Temporal no longer holds the case: a melding from its intake through a
 * correction, a partner request and its outcome, a check-in, to its closing. Each record carries
 * the state right after it; times an hour apart from `startAt`.
 */
import type { CaseFileRecord } from '../caseFile';
import type { CaseFileRecordData } from '../caseFile/recordData';
import type { MeldingIntake } from '../domain/types';
import { regionForMunicipality } from '../regions';
import type { CaseState } from '../workflows/messages';
import { caseStateOf, requestView } from './caseStates';

const HOUR_MS = 3600_000;

/** One record of `kind` with its data as the contract shapes it. */
export function fileRecord<K extends keyof CaseFileRecordData>(
  kind: K,
  key: string,
  at: string,
  data: CaseFileRecordData[K],
): CaseFileRecord {
  return { key, kind, at, data: data as unknown as Record<string, unknown> };
}

export interface ArchivedCaseOptions {
  /** The new phone number the correction recorded. */
  correctedPhone: string;
  startAt?: Date;
}

/** The whole file of a case that ran its course and closed (outcome `afgerond`). */
export function archivedCaseRecords(intake: MeldingIntake, options: ArchivedCaseOptions): CaseFileRecord[] {
  const start = options.startAt ?? new Date('2026-03-02T09:00:00Z');
  const at = (hours: number) => new Date(start.getTime() + hours * HOUR_MS).toISOString();
  const ref = intake.reference;
  const regionId = regionForMunicipality(intake.municipality)?.id ?? 'limburg';
  const state = (over: Partial<CaseState>) => caseStateOf(ref, { regionId, phase: 'triage', ...over });
  const request = requestView({
    requestId: 'verzoek-1',
    kind: 'casemanager_overdracht',
    role: 'casemanager',
    requestedAt: at(1),
    awaitedTier: 'primary',
  });
  const acknowledged = { ...request, status: 'acknowledged' as const, acknowledgedAt: at(2) };
  const correction = { at: at(3), by: 'cm-017', type: 'contactgegevens' as const, value: 'velden: phone' };
  const contact = { at: at(4), by: 'cm-017', reached: true, outcome: 'gaat_goed' as const };
  const closed = state({
    phase: 'afgesloten',
    outcome: 'afgerond',
    casemanager: 'cm-017',
    requests: [acknowledged],
    decisions: [correction],
    contacts: [contact],
  });
  return [
    fileRecord('intake', 'intake', at(0), { state: state({}), intake }),
    fileRecord('triage', 'triage', at(0), { state: state({}), triage: state({}).triage }),
    fileRecord('partnerverzoek', 'partnerverzoek/verzoek-1', at(1), {
      state: state({ requests: [request], openRequests: [request] }),
      request: { id: 'verzoek-1', kind: 'casemanager_overdracht', role: 'casemanager', sentAt: at(1) },
    }),
    fileRecord('partnerverzoek_uitkomst', 'partnerverzoek_uitkomst/verzoek-1/acknowledged', at(2), {
      state: state({ phase: 'watchful_waiting', casemanager: 'cm-017', requests: [acknowledged] }),
      request: { id: 'verzoek-1', status: 'acknowledged', by: 'cm-017', at: at(2) },
    }),
    fileRecord('correctie', 'correctie/u-1', at(3), {
      state: state({ phase: 'watchful_waiting', casemanager: 'cm-017', decisions: [correction] }),
      correction: {
        fields: ['phone'],
        // The intake's top-level fields as they read after the correction.
        values: { victimContact: { ...intake.victimContact, phone: options.correctedPhone } },
        reason: 'gewijzigd',
        by: 'cm-017',
        updateId: 'u-1',
      },
    }),
    fileRecord('checkin', 'checkin/u-2', at(4), {
      state: state({ phase: 'watchful_waiting', casemanager: 'cm-017', contacts: [contact] }),
      // The decision's input, its update id, and the contact it added to the plan.
      checkIn: {
        type: 'contactmoment',
        reached: true,
        outcome: 'gaat_goed',
        by: 'cm-017',
        updateId: 'u-2',
        contact: { ...contact },
      },
    }),
    fileRecord('afsluiting', 'afsluiting', at(5), { state: closed, closing: { outcome: 'afgerond' } }),
  ];
}
