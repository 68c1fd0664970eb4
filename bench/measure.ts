/** Small measuring tools for the benchmark: percentiles, a progress line, mail arrival times. */
import type { TestSmtpServer } from '../testkit/smtpServer';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarize(latenciesMs: number[]) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

export function progress(text: string): void {
  process.stderr.write(`\r[bench] ${text}`.padEnd(100) + (text.endsWith('\n') ? '' : ''));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When the SMTP server accepted the first mail about each reference whose subject matches: the
 * moment a partner counts as notified. Scans only what arrived since the last call.
 */
export function mailClock(smtp: TestSmtpServer, subjectPart: string) {
  const firstAt = new Map<string, number>();
  let seen = 0;
  const pattern = /CSG-[A-Z]{2,4}-\d{4}-\d{6}/;
  return {
    update(): Map<string, number> {
      for (; seen < smtp.messages.length; seen++) {
        const mail = smtp.messages[seen]!;
        if (!mail.subject?.includes(subjectPart)) continue;
        const ref = pattern.exec(mail.subject)?.[0];
        if (ref && !firstAt.has(ref)) firstAt.set(ref, mail.acceptedAt);
      }
      return firstAt;
    },
  };
}

/** Runs `task` for each item with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(lanes);
}
