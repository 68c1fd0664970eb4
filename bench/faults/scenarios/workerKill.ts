/**
 * Scenario 1: the worker is SIGKILLed in the middle of a burst of handovers and restarted. Every
 * case must continue: its handover arrives, and the acknowledgement moves it to watchful waiting.
 * Sends cut off by the kill are in the delivery log as unfinished claims; their retry waits out
 * the claim's lease (2 minutes) and then asks the provider (Twilio's message list, the relay's
 * message search) before sending, so this one takes a few minutes.
 */
import {
  acknowledgeAll,
  allHandedOver,
  burst,
  HANDOVER,
  logged,
  type Report,
  type Scenario,
} from '../scenario';
import { readDeliveryLog } from '../audit';
import { eventually, sleep, type Stack } from '../stack';

export const workerKill: Scenario = {
  name: '1. worker killed (SIGKILL) during a burst of handovers, then restarted',
  async run(stack: Stack, report: Report) {
    const count = 30;
    report.say(`starting ${count} meldingen at 10/s; SIGKILL of the worker after 10 handover mails`);
    const refsPromise = burst(stack, count, 10);
    // Kill while sends are in flight (claimed in the delivery log, not yet recorded), so the crash
    // window is exercised rather than a quiet moment between activities.
    const atKill = await eventually(
      '10 handover mails and a send in flight',
      async () => {
        const mailed = (await stack.smtp.messages()).filter((m) => m.subject?.includes('casemanager')).length;
        const inFlight = readDeliveryLog(stack.deliveryDir).filter((r) => r.state === 'sending').length;
        return mailed >= 10 && inFlight > 0 ? { mailed, inFlight } : undefined;
      },
      120_000,
      50,
    );
    await stack.worker().kill();
    report.say(
      `worker killed with ${atKill.mailed} handover mails out and ${atKill.inFlight} sends in flight; restarting it in 2 s`,
    );
    await sleep(2000);
    stack.startWorker();
    const refs = await refsPromise;
    await allHandedOver(stack, refs, 420_000);
    const all = refs.filter((r) => logged(stack, r, HANDOVER, 1)).length;
    report.check('every handover delivered after the restart', all === count, `${all}/${count}`);
    // The crash window (activities/deliveryLog.ts): sends the kill cut off between claim and record,
    // each checked with the provider (Twilio's list, the relay's message search) before any resend.
    const output = stack.worker().output();
    const times = (line: string) => output.split(line).length - 1;
    report.say(
      `${times('stopped between sending and recording')} send(s) cut off by the kill: ` +
        `${times('the provider had accepted it already')} had arrived (recorded, not sent again), ` +
        `${times('the provider does not have it')} had not (sent now)`,
    );
    await acknowledgeAll(stack, report, refs);
    await report.audit(
      stack,
      refs,
      refs.map((ref) => ({ ref, requestId: HANDOVER, attempt: 1 })),
    );
  },
};
