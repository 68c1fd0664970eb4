/**
 * The fault scenarios, numbered as docs/benchmark.md lists them, in the order they run on one stack:
 * the SMS one first (injected Twilio faults hit whichever send comes next), the server restart
 * last (it restarts the server under everything else).
 */
import type { Scenario } from '../scenario';
import { intakeRestart } from './intakeRestart';
import { serverRestart } from './serverRestart';
import { smsFaults } from './smsFaults';
import { smtpOutage } from './smtpOutage';
import { workerKill } from './workerKill';

export const FAULT_SCENARIOS: ReadonlyArray<readonly [number, Scenario]> = [
  [4, smsFaults],
  [5, intakeRestart],
  [1, workerKill],
  [3, smtpOutage],
  [2, serverRestart],
];
