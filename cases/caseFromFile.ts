/**
 * A case as its case file (caseFile/) holds it, for when Temporal no longer does: the workflow is
 * deleted after the namespace retention, the file is kept far longer. The records' data has the
 * shape of caseFile/recordData.ts:
 *
 * - the state as it last stood: the `state` of the newest record (by time, then the order written);
 * - the victim's details: the intake's, with every correction's values laid over them in order;
 * - the timeline: one entry per record (codes and ids, no personal data), oldest first;
 * - when the file was last written: the newest record's time.
 *
 * Any kind may be missing (a file written from the middle of a case, or a write that failed), and
 * a record's data may lack a part: what is there is shown, what is not is left out.
 */
import type { CaseFileRecord } from '../caseFile';
import { hasCaseState, type IntakeInput } from '../caseFile/recordData';
import type { CaseState } from '../workflows/messages';

/** The victim's details as they last stood: the intake with the corrections laid over it. Personal. */
export type FileDetails = Partial<IntakeInput>;

/** One line of the case file's timeline. Codes only: the page puts them into words. */
export type FileEntry = { at: string; by?: string } & (
  | { kind: 'intake' }
  | { kind: 'triage'; window?: string }
  | { kind: 'besluit'; type: string }
  | { kind: 'correctie'; fields: string[]; reason?: string }
  | { kind: 'partnerverzoek'; requestKind?: string; role?: string }
  | { kind: 'partnerverzoek_uitkomst'; status: string; requestKind?: string; role?: string }
  | { kind: 'checkin'; reached?: boolean; outcome?: string }
  | { kind: 'afsluiting'; outcome?: string; reason?: string }
);

export interface CaseFromFile {
  state: CaseState;
  /** Absent when the file holds neither the intake nor a correction. */
  details?: FileDetails;
  timeline: FileEntry[];
  /** The newest record's time (ISO 8601): the case as shown is the case as of then. */
  writtenAt: string;
}

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const part = (data: Data, name: string): Data => (isObject(data[name]) ? data[name] : {});
const withText = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};

/**
 * Intake fields that hold an object: a correction of one of them changes the fields it names and
 * keeps the rest. A correction may name the inner field alone (`phone`), or the whole object.
 */
const NESTED: Record<string, readonly string[]> = {
  victimContact: ['name', 'phone', 'email', 'dateOfBirth'],
  contactPreferences: ['safeToCall', 'safeToText', 'safeToEmail'],
  wishes: ['police', 'medicalCare'],
};
const parentOf = (field: string) => Object.keys(NESTED).find((p) => NESTED[p]!.includes(field));

/** The details with one correction's values laid over them. */
export function laidOver(details: Data, values: Data): Data {
  const next: Data = { ...details };
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const parent = parentOf(field);
    if (parent) next[parent] = { ...part(next, parent), [field]: value };
    else if (NESTED[field] && isObject(value)) next[field] = { ...part(next, field), ...value };
    else next[field] = value;
  }
  return next;
}

/** A timeline entry for one record; the request's kind and partner named from its earlier request. */
function entryOf(record: CaseFileRecord, requests: Map<string, Data>): FileEntry {
  const { at, data } = record;
  switch (record.kind) {
    case 'intake':
      return { at, kind: 'intake', ...withText('by', part(data, 'intake').recordedBy) };
    case 'triage':
      return { at, kind: 'triage', ...withText('window', part(data, 'triage').window) };
    case 'besluit': {
      const decision = part(data, 'decision');
      return { at, kind: 'besluit', type: text(decision.type) ?? '', ...withText('by', decision.by) };
    }
    case 'correctie': {
      const c = part(data, 'correction');
      const fields = Array.isArray(c.fields) ? c.fields.filter((f) => typeof f === 'string') : [];
      return { at, kind: 'correctie', fields, ...withText('reason', c.reason), ...withText('by', c.by) };
    }
    case 'partnerverzoek': {
      const r = part(data, 'request');
      if (typeof r.id === 'string') requests.set(r.id, r);
      return { at, kind: 'partnerverzoek', ...withText('requestKind', r.kind), ...withText('role', r.role) };
    }
    case 'partnerverzoek_uitkomst': {
      const r = part(data, 'request');
      const asked = typeof r.id === 'string' ? (requests.get(r.id) ?? {}) : {};
      return {
        at,
        kind: 'partnerverzoek_uitkomst',
        status: text(r.status) ?? '',
        ...withText('requestKind', asked.kind),
        ...withText('role', asked.role),
        ...withText('by', r.by),
      };
    }
    case 'checkin': {
      // The decision's input, and the contact it added to the plan where there was one.
      const checkIn = part(data, 'checkIn');
      const c = { ...checkIn, ...part(checkIn, 'contact') };
      return {
        at,
        kind: 'checkin',
        ...(typeof c.reached === 'boolean' ? { reached: c.reached } : {}),
        ...withText('outcome', c.outcome),
        ...withText('by', c.by),
      };
    }
    case 'afsluiting': {
      const c = part(data, 'closing');
      return { at, kind: 'afsluiting', ...withText('outcome', c.outcome), ...withText('reason', c.reason) };
    }
  }
}

/** Oldest first by time; equal times keep the order written (the repository's order). */
function byTime(records: readonly CaseFileRecord[]): CaseFileRecord[] {
  return records
    .map((record, i) => ({ record, i }))
    .sort((a, b) => Date.parse(a.record.at) - Date.parse(b.record.at) || a.i - b.i)
    .map(({ record }) => record);
}

/** The case as its file holds it; undefined when no record carries a state (nothing to show). */
export function caseFromFile(records: readonly CaseFileRecord[]): CaseFromFile | undefined {
  const ordered = byTime(records);
  const newest = [...ordered].reverse().find((r) => hasCaseState(r.data));
  if (!newest) return undefined;
  let details: Data | undefined;
  const requests = new Map<string, Data>();
  const timeline: FileEntry[] = [];
  for (const record of ordered) {
    if (record.kind === 'intake' && isObject(record.data.intake)) {
      details = laidOver(details ?? {}, record.data.intake);
    }
    if (record.kind === 'correctie') {
      const values = part(part(record.data, 'correction'), 'values');
      details = laidOver(details ?? {}, values);
    }
    timeline.push(entryOf(record, requests));
  }
  return {
    state: (newest.data as { state: CaseState }).state,
    ...(details ? { details: details as FileDetails } : {}),
    timeline,
    writtenAt: ordered[ordered.length - 1]!.at,
  };
}
