/**
 * Scenario 2: the Temporal dev server is killed (SIGKILL, or SIGTERM with FAULTS_SERVER_SIGNAL) and started again
 * on the same SQLite file while cases wait in watchful waiting. Their intake is back-dated by a day
 * (less FAULTS_TIMER_DUE_S seconds), so the day-1 check-in timer falls due after the restart:
 * each timer must fire and its reminder reach the casemanager.
 */
import { getCaseState } from '../../../cases/meldingClient';
import {
  acknowledgeAll,
  allHandedOver,
  burst,
  HANDOVER,
  handoverOnly,
  logged,
  type Report,
  type Scenario,
} from '../scenario';
import { readDeliveryLog } from '../audit';
import { eventually, type Stack } from '../stack';

const CHECKIN = 'checkin-dag-1';

export const serverRestart: Scenario = {
  name: '2. dev server killed and restarted on the same SQLite file',
  async run(stack: Stack, report: Report) {
    const dueS = Number(process.env.FAULTS_TIMER_DUE_S ?? 60);
    const receivedAt = () => new Date(Date.now() - 24 * 3600_000 + dueS * 1000).toISOString();
    report.say(`starting 5 meldingen received a day ago less ${dueS} s; acknowledging their handovers`);
    const refs = await burst(stack, 5, 5, () => handoverOnly({ receivedAt: receivedAt() }));
    report.check('every handover delivered', await allHandedOver(stack, refs));
    await acknowledgeAll(stack, report, refs);
    const openBefore = (await Promise.all(refs.map((r) => getCaseState(stack.client, r)))).filter(
      (s) => !s.openRequests.some((q) => q.requestId === CHECKIN),
    ).length;
    report.check(
      'no check-in due yet before the restart',
      openBefore === refs.length,
      `${openBefore}/${refs.length}`,
    );
    // SIGKILL by default: no orderly shutdown, the harder case. FAULTS_SERVER_SIGNAL=SIGTERM for a stop.
    const signal = (process.env.FAULTS_SERVER_SIGNAL ?? 'SIGKILL') as NodeJS.Signals;
    report.say(`${signal} to the dev server; restarting it on the same file after 5 s`);
    await stack.restartServer(signal, 5000);
    const restartedAt = Date.now();
    const fired = await eventually(
      'the day-1 check-in of every case',
      async () => (refs.every((r) => logged(stack, r, CHECKIN, 1, 'email')) ? true : undefined),
      240_000,
    ).catch(() => false);
    report.check('every day-1 check-in timer fired after the restart and its reminder was mailed', fired);
    // The timers must have fired after the restart, not before the kill (else this proves nothing).
    const claims = readDeliveryLog(stack.deliveryDir).filter((r) => r.key.includes(`/${CHECKIN}/1/email`));
    const afterRestart = claims.filter(
      (r) => r.claimedAt >= restartedAt && refs.some((ref) => r.key.startsWith(ref)),
    ).length;
    report.check(
      'those timers fell due after the restart',
      afterRestart === refs.length,
      `${afterRestart}/${refs.length}`,
    );
    const states = await Promise.all(refs.map((r) => getCaseState(stack.client, r)));
    const open = states.filter(
      (s) => s.phase === 'watchful_waiting' && s.openRequests.some((q) => q.requestId === CHECKIN),
    ).length;
    report.check(
      'every case still running, in watchful waiting with its check-in open',
      open === refs.length,
      `${open}/${refs.length}`,
    );
    report.check(
      'the worker survived the server outage',
      stack
        .worker()
        .output()
        .match(/"level":60/) === null,
    );
    await report.audit(stack, refs, [
      ...refs.map((ref) => ({ ref, requestId: HANDOVER, attempt: 1 })),
      ...refs.map((ref) => ({ ref, requestId: CHECKIN, attempt: 1 })),
    ]);
  },
};
