/**
 * Scenario 4: the SMS endpoint answers 500, then 429, and for another case rejects the number
 * (Twilio 21211). Designed: 500 and 429 are transient, so the send is retried with backoff (email
 * is not held back and is not sent again); an invalid number is permanent, so email carries the
 * message and the ladder escalates at once instead of after the step's 15 minutes.
 * Runs first: injected faults answer the next message creations, whoever makes them.
 */
import { getCaseState } from '../../../cases/meldingClient';
import { allHandedOver, burst, HANDOVER, logged, type Report, type Scenario } from '../scenario';
import { eventually, type Stack } from '../stack';

function creates(stack: Stack, ref: string) {
  return stack.twilio.requests.filter(
    (r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && (r.form.Body ?? '').includes(ref),
  );
}

export const smsFaults: Scenario = {
  name: '4. SMS endpoint answers 500 and 429; an invalid number',
  async run(stack: Stack, report: Report) {
    report.say('injecting HTTP 500 then 429 for the next two message creations; starting one melding');
    stack.twilio.failNextMessageCreates({ status: 500 }, { status: 429, code: 20429 });
    const [retried] = await burst(stack, 1, 1);
    await allHandedOver(stack, [retried!], 120_000);
    const statuses = creates(stack, retried!).map((r) => r.status);
    report.check(
      'SMS retried after 500 and 429, accepted once',
      statuses.join(',') === '500,429,201',
      statuses.join(','),
    );
    const mails = (await stack.smtp.messages()).filter((m) => m.subject?.includes(retried!)).length;
    report.check('the email went out once, not again with the SMS retries', mails === 1, `${mails} email(s)`);

    report.say('injecting Twilio 400 / 21211 (invalid number) for the next creation; starting one melding');
    stack.twilio.failNextMessageCreates({
      status: 400,
      code: 21211,
      message: "The 'To' number is not valid",
    });
    const [invalid] = await burst(stack, 1, 1);
    const escalated = await eventually(
      'the escalation to the next step',
      async () => (logged(stack, invalid!, HANDOVER, 2, 'email') ? true : undefined),
      120_000,
    ).catch(() => false);
    report.check(
      'email carried step 1 when the number was refused',
      logged(stack, invalid!, HANDOVER, 1, 'email'),
    );
    report.check('step 2 sent at once (the step waits 15 minutes otherwise)', escalated);
    const view = (await getCaseState(stack.client, invalid!)).requests.find((r) => r.requestId === HANDOVER);
    report.check(
      'the request shows the escalation',
      (view?.escalationLevel ?? 0) >= 1,
      `escalationLevel ${view?.escalationLevel}`,
    );
    const refused = creates(stack, invalid!).filter((r) => r.status === 400).length;
    report.check('the refused number was not retried', refused === 1, `${refused} refused creation(s)`);
    await report.audit(
      stack,
      [retried!, invalid!],
      [
        { ref: retried!, requestId: HANDOVER, attempt: 1 },
        { ref: invalid!, requestId: HANDOVER, attempt: 2 },
      ],
    );
  },
};
