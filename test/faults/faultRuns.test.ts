/**
 * Every fault scenario of `npm run faults` (bench/faults), in the test suite: each takes between
 * a few seconds and about two and a half minutes, so together they add about six minutes on one
 * jest worker. They share one real stack (dev server, worker and intake processes, maildev, the
 * Twilio contract mock) and run in `npm run faults`' order. A scenario passes when every check
 * holds and the audit of the delivery log against maildev and the mock finds nothing lost and
 * nothing sent twice.
 */
import { Report } from '../../bench/faults/scenario';
import { FAULT_SCENARIOS } from '../../bench/faults/scenarios';
import { startStack, type Stack } from '../../bench/faults/stack';

let stack: Stack | undefined;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** Checks each scenario makes when all goes to plan (so a scenario that silently skips fails). */
const MIN_CHECKS: Record<number, number> = { 1: 3, 2: 8, 3: 6, 4: 7, 5: 4 };

describe.each(FAULT_SCENARIOS.map(([n, scenario]) => ({ n, scenario })))(
  '$scenario.name',
  ({ n, scenario }) => {
    test('every check holds; nothing lost, nothing sent twice', async () => {
      const lines: string[] = [];
      const report = new Report((line) => lines.push(line));
      await scenario.run(stack!, report).catch((err: Error) => {
        report.check('scenario ran to the end', false, err.message);
      });
      // The scenario's own account (what it did, each check, the audit) travels with the result.
      expect({ ...report.outcome, lines }).toEqual(
        expect.objectContaining({ failed: 0, lost: 0, duplicates: 0 }),
      );
      expect(report.outcome.checks).toBeGreaterThanOrEqual(MIN_CHECKS[n]!);
    }, 600_000);
  },
);
