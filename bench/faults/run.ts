/**
 * `npm run faults`: runs the fault scenarios against one real stack (dev server, worker, intake
 * service, SMTP server, Twilio contract mock) and ends with the summary line. Options:
 * `--only=4,1` runs those scenarios; FAULTS_SMTP_OUTAGE_S and FAULTS_TIMER_DUE_S shorten waits.
 * The order is bench/faults/scenarios/index.ts's.
 */
import { Report } from './scenario';
import { FAULT_SCENARIOS } from './scenarios';
import { startStack } from './stack';

async function main(): Promise<void> {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
    .map(Number);
  const chosen = FAULT_SCENARIOS.filter(([n]) => !only || only.includes(n)).map(([, s]) => s);
  console.log('faults: starting the stack (dev server, worker, SMTP server, Twilio contract mock)');
  const stack = await startStack();
  let passed = 0;
  let failed = 0;
  let lost = 0;
  let duplicates = 0;
  try {
    for (const scenario of chosen) {
      console.log(`\n${scenario.name}`);
      const report = new Report();
      const started = Date.now();
      try {
        await scenario.run(stack, report);
      } catch (err) {
        report.check('scenario ran to the end', false, (err as Error).message);
      }
      const { failed: f, lost: l, duplicates: d } = report.outcome;
      lost += l;
      duplicates += d;
      if (f === 0) passed += 1;
      else failed += 1;
      console.log(`  => ${f === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await stack.stop();
  }
  console.log(`\nfaults: ${passed} passed, ${failed} failed; lost ${lost}, duplicates ${duplicates}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
