/**
 * Scenario 5: the intake service is killed (SIGKILL) while casemanagers acknowledge their
 * handovers through the signed link in the email. Each answer the partner got must be true: a
 * confirmation page (200) only when the acknowledgement is recorded; otherwise an error page or a
 * refused connection, after which the same link (service restarted) records it or says it was
 * recorded already (409). Never a confirmation that was not recorded.
 */
import { getCaseState } from '../../../cases/meldingClient';
import { allHandedOver, burst, HANDOVER, type Report, type Scenario } from '../scenario';
import { sleep, type Stack } from '../stack';

type Answer = { status: number; html: boolean } | { error: string };

async function post(url: string): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    const html = (res.headers.get('content-type') ?? '').includes('text/html');
    await res.text();
    return { status: res.status, html };
  } catch (err) {
    return { error: String((err as Error).cause ?? err) };
  }
}

const show = (a: Answer) => ('error' in a ? 'connection error' : `HTTP ${a.status}`);

export const intakeRestart: Scenario = {
  name: '5. intake service killed while partners acknowledge through the signed link',
  async run(stack: Stack, report: Report) {
    await stack.startIntake();
    const refs = await burst(stack, 8, 8);
    if (!(await allHandedOver(stack, refs))) throw new Error('handovers not delivered');
    const mails = await stack.smtp.messages();
    const links = refs.map((ref) => {
      const mail = mails.find((m) => m.subject?.includes(ref));
      const found = (mail?.text ?? '').match(/https?:\/\/\S+\/partner\/[A-Za-z0-9._~%-]+/);
      if (!found) throw new Error(`no partner link in the handover mail of ${ref}`);
      return found[0];
    });
    report.say(
      '8 casemanagers confirm through their link, 40 ms apart; SIGKILL of the intake service at the 3rd answer',
    );
    let settled = 0;
    let third: () => void = () => undefined;
    const thirdAnswer = new Promise<void>((resolve) => (third = resolve));
    const answers = links.map(async (url, i) => {
      await sleep(i * 40);
      const answer = await post(url);
      if (++settled === 3) third();
      return answer;
    });
    await thirdAnswer;
    await stack.intake()!.kill();
    const first = await Promise.all(answers);
    report.say(`answers: ${first.map(show).join(', ')}`);
    await stack.startIntake();
    report.say('intake service restarted; partners without a confirmation use their link again');
    let liedAboutRecording = 0;
    let unclear = 0;
    let recordedUnanswered = 0;
    for (let i = 0; i < refs.length; i++) {
      const a = first[i]!;
      const recorded = async () =>
        (await getCaseState(stack.client, refs[i]!)).requests.find((r) => r.requestId === HANDOVER)
          ?.status === 'acknowledged';
      if (!('error' in a) && a.status === 200) {
        if (!(await recorded())) liedAboutRecording += 1;
        continue;
      }
      if (!('error' in a) && !a.html) unclear += 1;
      const again = await post(links[i]!);
      report.say(`  ${refs[i]}: ${show(a)}, again: ${show(again)}`);
      if ('error' in again || (again.status !== 200 && again.status !== 409)) unclear += 1;
      if (!('error' in again) && again.status === 409) recordedUnanswered += 1;
    }
    // Recorded, but the kill cut the answer off: the link says so on the next try (409 page).
    report.say(
      `${recordedUnanswered} acknowledgement(s) recorded although the answer was cut off; the link then said so`,
    );
    report.check(
      'no confirmation page without a recorded acknowledgement',
      liedAboutRecording === 0,
      `${liedAboutRecording}`,
    );
    report.check(
      'every other answer was an error page or a refused connection, and the retry settled it',
      unclear === 0,
      `${unclear} unclear`,
    );
    const acked = (await Promise.all(refs.map((r) => getCaseState(stack.client, r)))).filter(
      (s) => s.phase === 'watchful_waiting',
    ).length;
    report.check(
      'every case acknowledged and in watchful_waiting',
      acked === refs.length,
      `${acked}/${refs.length}`,
    );
    await report.audit(
      stack,
      refs,
      refs.map((ref) => ({ ref, requestId: HANDOVER, attempt: 1 })),
    );
  },
};
