/**
 * Scenario 3: the SMTP server is down for a while (FAULTS_SMTP_OUTAGE_S, default 60) during a
 * burst. SMS still reaches the casemanager; every email is retried with backoff and delivered once
 * when the server is back. Three of the meldingen come from a region whose first step waits one
 * minute: their deadline passes during the outage, so the ladder re-notifies as designed (the
 * step-1 email's retries end with its step; step 2 carries the message).
 */
import { regionForMunicipality } from '../../../regions';
import { getCaseState } from '../../../cases/meldingClient';
import { parseIntake } from '../../../domain/intakeSchema';
import { pathwayFor } from '../../../regions';
import { MELDING_WORKFLOW_TYPE } from '../../../cases/meldingClient';
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
import { eventually, sleep, TASK_QUEUE, type Stack } from '../stack';

/** A melding whose handover ladder's first step is one minute (a region configured that tight). */
async function startWithShortFirstStep(stack: Stack): Promise<string> {
  const parsed = parseIntake(handoverOnly(), regionForMunicipality);
  if (!parsed.ok) throw new Error('fixture intake invalid');
  const pathway = pathwayFor(parsed.region);
  const ladder = pathway.casemanagerLadder.acute.map((s, i) => (i === 0 ? { ...s, waitMinutes: 1 } : s));
  await stack.client.workflow.start(MELDING_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: parsed.intake.reference,
    args: [
      {
        intake: parsed.intake,
        pathway: { ...pathway, casemanagerLadder: { acute: ladder, nonAcute: ladder } },
      },
    ],
  });
  return parsed.intake.reference;
}

export const smtpOutage: Scenario = {
  name: '3. SMTP server down during a burst',
  async run(stack: Stack, report: Report) {
    const outageS = Number(process.env.FAULTS_SMTP_OUTAGE_S ?? 60);
    await stack.smtp.down();
    report.say(
      `SMTP server down for ${outageS} s; starting 10 meldingen at 10/s and 3 with a 1-minute first step`,
    );
    const refs = await burst(stack, 10, 10);
    const tight = [
      await startWithShortFirstStep(stack),
      await startWithShortFirstStep(stack),
      await startWithShortFirstStep(stack),
    ];
    await sleep(outageS * 1000);
    const smsDuring = refs.filter((r) => logged(stack, r, HANDOVER, 1, 'sms')).length;
    report.check(
      'SMS reached the casemanager during the outage',
      smsDuring === refs.length,
      `${smsDuring}/${refs.length}`,
    );
    await stack.smtp.up();
    report.say('SMTP server back');
    const delivered = await allHandedOver(stack, refs, 300_000);
    report.check('every handover email delivered after the outage', delivered);
    if (outageS >= 60) {
      const renotified = await eventually(
        'the step-2 re-notification of the 1-minute cases',
        async () => (tight.every((r) => logged(stack, r, HANDOVER, 2, 'email')) ? true : undefined),
        300_000,
      ).catch(() => false);
      report.check('deadline passed during the outage: step 2 re-notified, by email too', renotified);
      const levels = await Promise.all(
        tight.map(
          async (r) =>
            (await getCaseState(stack.client, r)).requests.find((q) => q.requestId === HANDOVER)
              ?.escalationLevel ?? 0,
        ),
      );
      report.check(
        'those requests show the escalation',
        levels.every((l) => l >= 1),
        `levels ${levels.join(',')}`,
      );
    }
    await acknowledgeAll(stack, report, [...refs, ...tight]);
    await report.audit(
      stack,
      [...refs, ...tight],
      [
        ...refs.map((ref) => ({ ref, requestId: HANDOVER, attempt: 1 })),
        ...(outageS >= 60 ? tight.map((ref) => ({ ref, requestId: HANDOVER, attempt: 2 })) : []),
      ],
    );
  },
};
