/**
 * The fault scenarios that take well under a minute, in `npm test`: the SMS endpoint failing
 * (500, 429, an invalid number) and the intake service killed while partners acknowledge. They
 * run the same scenario code as `npm run faults` (bench/faults), on the same real stack; the
 * slow ones (worker kill, SMTP outage, server restart) are only in `npm run faults`.
 */
import { Report, type Scenario } from '../../bench/faults/scenario';
import { intakeRestart } from '../../bench/faults/scenarios/intakeRestart';
import { smsFaults } from '../../bench/faults/scenarios/smsFaults';
import { startStack, type Stack } from '../../bench/faults/stack';

jest.setTimeout(240_000);

let stack: Stack | undefined;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function run(scenario: Scenario) {
  const report = new Report();
  await scenario.run(stack!, report);
  return report.outcome;
}

// The SMS one first: injected Twilio faults answer whichever send comes next.
test('SMS endpoint answering 500, 429 and refusing a number: retried, email fallback, escalation', async () => {
  const outcome = await run(smsFaults);
  expect(outcome).toEqual(expect.objectContaining({ failed: 0, lost: 0, duplicates: 0 }));
  expect(outcome.checks).toBeGreaterThanOrEqual(7);
});

test('intake service killed while partners acknowledge: never a confirmation that was not recorded', async () => {
  const outcome = await run(intakeRestart);
  expect(outcome).toEqual(expect.objectContaining({ failed: 0, lost: 0, duplicates: 0 }));
  expect(outcome.checks).toBeGreaterThanOrEqual(4);
});
