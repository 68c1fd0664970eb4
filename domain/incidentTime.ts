/**
 * When the incident happened, and the one set of checks on it. The intake schema (zod, at start)
 * and the workflow's validator (when the casemanager corrects the time on a running case) both
 * call `incidentTimeProblem`, so a time refused at intake is refused as a correction too, with the
 * same field and the same words.
 *
 * Plain code, no imports: the workflow sandbox loads this file.
 */

/** The kinds of incident time: a moment, a range, or not known. */
export const INCIDENT_TIME_KINDS = ['exact', 'approximate', 'unknown'] as const;
export type IncidentTimeKind = (typeof INCIDENT_TIME_KINDS)[number];

/**
 * When the incident happened. An approximate time is a range; an unknown time is triaged on the
 * most urgent window it allows until the casemanager corrects it.
 */
export type IncidentTime =
  | { kind: 'exact'; at: string }
  | { kind: 'approximate'; earliest: string; latest: string }
  | { kind: 'unknown' };

/** What is wrong, with the field as a dotted path from the intake (e.g. `incidentTime.latest`). */
export interface IncidentTimeProblem {
  field: string;
  message: string;
}

const isoExample = 'as an ISO date-time, e.g. 2026-03-01T22:30:00+01:00';

/** The texts every front end shows (the web form translates by field, see web/intakeForm.ts). */
export const INCIDENT_TIME_MESSAGES = {
  shape: 'expected an incident time of kind "exact" (at), "approximate" (earliest, latest) or "unknown"',
  at: `expected the incident time ${isoExample}`,
  earliest: `expected the earliest possible incident time ${isoExample}`,
  latest: `expected the latest possible incident time ${isoExample}`,
  rangeBackwards: 'expected the latest possible time to be on or after the earliest possible time',
  afterIntake: 'expected an incident time before the intake was registered (receivedAt)',
} as const;

/** An ISO date-time with seconds and an offset (Z or ±hh:mm), as the intake schema has always required. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value));
}

const problem = (part: string | undefined, message: string): IncidentTimeProblem => ({
  field: part ? `incidentTime.${part}` : 'incidentTime',
  message,
});

/**
 * The first problem with an incident time, or undefined when it is fine: well-formed, a range that
 * runs forwards, and, when the intake's time is given, not after the intake (an incident cannot
 * lie after the moment it was reported).
 */
export function incidentTimeProblem(value: unknown, intakeAtMs?: number): IncidentTimeProblem | undefined {
  const t = value as { kind?: unknown; at?: unknown; earliest?: unknown; latest?: unknown } | null;
  if (typeof t !== 'object' || t === null) return problem(undefined, INCIDENT_TIME_MESSAGES.shape);
  switch (t.kind) {
    case 'unknown':
      return undefined;
    case 'exact':
      if (!isIsoDateTime(t.at)) return problem('at', INCIDENT_TIME_MESSAGES.at);
      if (intakeAtMs !== undefined && Date.parse(t.at) > intakeAtMs) {
        return problem('at', INCIDENT_TIME_MESSAGES.afterIntake);
      }
      return undefined;
    case 'approximate':
      if (!isIsoDateTime(t.earliest)) return problem('earliest', INCIDENT_TIME_MESSAGES.earliest);
      if (!isIsoDateTime(t.latest)) return problem('latest', INCIDENT_TIME_MESSAGES.latest);
      if (Date.parse(t.earliest) > Date.parse(t.latest)) {
        return problem('latest', INCIDENT_TIME_MESSAGES.rangeBackwards);
      }
      if (intakeAtMs !== undefined && Date.parse(t.earliest) > intakeAtMs) {
        return problem('earliest', INCIDENT_TIME_MESSAGES.afterIntake);
      }
      return undefined;
    default:
      return problem('kind', INCIDENT_TIME_MESSAGES.shape);
  }
}
