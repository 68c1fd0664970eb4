/**
 * What the case file records: one kind per milestone of the case, named as the pathway names it.
 * Codes only; a record's content is its (encrypted) data. Stored in every record, so never rename
 * a kind: add one and map the old one.
 */
export const CASE_FILE_RECORD_KINDS = [
  'intake', // the melding as taken in: channel, caller, the victim's details and wishes
  'triage', // the triage window and what it was based on
  'besluit', // a decision recorded on the case (domain/decisions.ts), with who and when
  'correctie', // a correction of the intake: which fields, the new values, the reason code
  'partnerverzoek', // a partner was asked something (REQUEST_KINDS): who, what, what they could see
  'partnerverzoek_uitkomst', // what became of that request: confirmed, cancelled, or a notice
  'checkin', // a check-in or contact attempt by the casemanager and its outcome (CHECK_IN_OUTCOMES)
  'afsluiting', // how the case ended (CASE_OUTCOMES, CLOSE_REASONS)
] as const;
export type CaseFileRecordKind = (typeof CASE_FILE_RECORD_KINDS)[number];

export function isCaseFileRecordKind(value: unknown): value is CaseFileRecordKind {
  return typeof value === 'string' && (CASE_FILE_RECORD_KINDS as readonly string[]).includes(value);
}
