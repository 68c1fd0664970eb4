/**
 * The one error a process throws for a bad environment: every problem at once, each naming the
 * variable and what it expects, never the value (it may be a secret).
 */
import type { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Turns zod issues into problem lines: "VAR is required but not set" or "VAR: what is expected". */
export function describeIssues(
  issues: z.core.$ZodIssue[],
  source: Record<string, string | undefined>,
): string[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || '(environment)';
    const unset = source[field] === undefined || source[field] === '';
    const message =
      issue.code === 'invalid_type' && unset ? `${field} is required but not set` : issue.message;
    return message.startsWith(field) ? message : `${field}: ${message}`;
  });
}

/** Parses `source` with `schema`, or throws a ConfigError listing every problem. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(describeIssues(result.error.issues, source));
}
