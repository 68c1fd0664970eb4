/**
 * The one logger for activities, workers, the intake service and scripts. Workflow code uses
 * Temporal's workflow logger, which the worker routes here, so the same redaction applies.
 *
 * Redaction is a safety net, not permission: code should not put personal data in a log call at
 * all. These paths catch the shapes our own types use if it ever happens.
 */
import pino, { type Logger, type DestinationStream } from 'pino';

export const REDACTED_PATHS = [
  'victimContact',
  '*.victimContact',
  '*.*.victimContact',
  'contact',
  '*.contact',
  '*.*.contact',
  '*.name',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'to',
  '*.to',
  'body',
  '*.body',
  'text',
  '*.text',
  'html',
  '*.html',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'details',
  '*.details',
  'intake',
  '*.intake',
];

export type { Logger };

export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name: options.name ?? 'csg',
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: options.name ?? 'csg' },
    },
    destination,
  );
}
