/**
 * Partner requests as tasks, on the time-skipping server: a partner accepts (the acknowledgement),
 * schedules (a second schedule replaces the first) and reports the task done or not done; a step
 * that does not fit the task's state is refused with a message naming the field and changes
 * nothing. A decline hands the request at once to the next tier of its ladder (the decliner's link
 * moves on); the coordinator's decline keeps it open for ops with its level raised. A retried step
 * with the same update id counts once, and each step is a case file record.
 */
import type { CaseFileRecord } from '../../caseFile';
import type { DecisionRecordData } from '../../caseFile/recordData';
import { decide } from '../../cases/meldingClient';
import type { TaskStep } from '../../domain/decisions';
import type { RecipientTier } from '../../domain/vocabulary';
import { recordTaskStep, type CaseState } from '../../workflows/messages';
import { request, useHarness } from './harness';

const h = useHarness('wf-partner-task');

type Link = { tier: RecipientTier; attempt: number };

const step = (ref: string, requestId: string, taskStep: TaskStep, link?: Link, by = 'partnerlink:partner') =>
  decide(h.env.client, ref, {
    type: 'taak',
    input: { requestId, step: taskStep, by, ...(link ? { link } : {}) },
  });
const accept = (ref: string, requestId: string, link?: Link) =>
  decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId, by: 'partnerlink:partner', ...(link ? { link } : {}) },
  });
const taskOf = (s: CaseState, requestId: string) => request(s, requestId)?.task;
const taskSteps = (s: CaseState) => s.decisions.filter((d) => d.type === 'taak');

const PLAN_A = { at: '2026-12-02T10:00:00+01:00', place: 'Polikliniek Zuid, kamer 3' };
const PLAN_B = { at: '2026-12-03T14:30:00+01:00', place: 'Forensisch team, Heerlen' };

/** The task steps in the case file, once it holds `count` of them (real time, no skipping). */
async function untilTaskRecords(ref: string, count: number): Promise<DecisionRecordData['decision'][]> {
  const started = Date.now();
  for (;;) {
    const records: CaseFileRecord[] = await h.caseFile.caseFile.records(ref);
    const steps = records
      .filter((r) => r.kind === 'besluit')
      .map((r) => (r.data as DecisionRecordData).decision)
      .filter((d) => d.type === 'taak');
    if (steps.length >= count || Date.now() - started > 20_000) return steps;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function acuteCase(): Promise<string> {
  const ref = await h.start(await h.intake());
  await h.until(ref, (s) => request(s, 'medische_zorg')?.task !== undefined, 'the requests made');
  return ref;
}

test('a task is requested, accepted, planned twice (the second replaces the first) and done', async () => {
  const ref = await acuteCase();
  const before = await h.state(ref);
  for (const id of ['informatief_gesprek', 'fmo', 'fmo-opsporing', 'medische_zorg']) {
    expect(taskOf(before, id)).toMatchObject({ state: 'aangevraagd', declines: [] });
  }
  // The casemanager handover and the check-ins are no tasks.
  expect(taskOf(before, 'casemanager_overdracht')).toBeUndefined();

  const link = { tier: 'primary' as const, attempt: 1 };
  let s = await accept(ref, 'fmo', link);
  expect(request(s, 'fmo')).toMatchObject({ status: 'acknowledged', task: { state: 'geaccepteerd' } });

  s = await step(ref, 'fmo', { action: 'plannen', appointment: PLAN_A }, link);
  expect(taskOf(s, 'fmo')).toMatchObject({ state: 'gepland', appointment: PLAN_A });
  s = await step(ref, 'fmo', { action: 'plannen', appointment: PLAN_B }, link);
  expect(taskOf(s, 'fmo')).toMatchObject({ state: 'gepland', appointment: PLAN_B });
  // Ops read it in the Temporal UI's details: the state and the time, never the place.
  const metadata = (await h.env.client.workflow.getHandle(ref).query('__temporal_workflow_metadata')) as {
    currentDetails?: string;
  };
  expect(metadata.currentDetails).toContain(
    'Taak van **forensisch arts**: Gepland, afspraak 03-12-2026, 14:30 (Nederlandse tijd).',
  );
  expect(metadata.currentDetails).not.toContain('Heerlen');

  s = await step(ref, 'fmo', { action: 'uitgevoerd', outcome: 'afgerond' }, link, 'partnerlink:fa');
  expect(taskOf(s, 'fmo')).toMatchObject({
    state: 'uitgevoerd',
    outcome: 'afgerond',
    appointment: PLAN_B,
    updatedBy: 'partnerlink:fa',
  });
  // The history has codes only: never the place.
  expect(taskSteps(s).map((d) => [d.requestId, d.value])).toEqual([
    ['fmo', 'plannen'],
    ['fmo', 'plannen'],
    ['fmo', 'uitgevoerd: afgerond'],
  ]);
  expect(JSON.stringify(s.decisions)).not.toContain('Polikliniek');
  expect(request(s, 'fmo')?.status).toBe('acknowledged');

  // Final: done twice, a new plan and a decline are refused and change nothing.
  await expect(step(ref, 'fmo', { action: 'uitgevoerd', outcome: 'doorverwezen' }, link)).rejects.toThrow(
    /step: the task is already final \(uitgevoerd\)/,
  );
  await expect(step(ref, 'fmo', { action: 'plannen', appointment: PLAN_A })).rejects.toThrow(
    /step: the task is already final/,
  );
  await expect(step(ref, 'fmo', { action: 'afwijzen', reason: 'geen_capaciteit' })).rejects.toThrow(
    /step: the task is already accepted; it can no longer be declined/,
  );
  const after = await h.state(ref);
  expect(taskOf(after, 'fmo')).toEqual(taskOf(s, 'fmo'));
  expect(taskSteps(after)).toHaveLength(3);

  // Each step is a decision in the case file, like every other (written beside the pathway).
  const steps = await untilTaskRecords(ref, 3);
  expect(steps).toHaveLength(3);
  expect(steps[2]).toMatchObject({
    by: 'partnerlink:fa',
    input: { requestId: 'fmo', step: { action: 'uitgevoerd' } },
  });
});

test('steps that do not fit are refused with the field named; accepted and not done is final', async () => {
  const ref = await acuteCase();
  await expect(step(ref, 'medische_zorg', { action: 'plannen', appointment: PLAN_A })).rejects.toThrow(
    /step: the task is not accepted yet; accept it first/,
  );
  await expect(step(ref, 'medische_zorg', { action: 'uitgevoerd', outcome: 'afgerond' })).rejects.toThrow(
    /step: the task is not accepted yet/,
  );
  await expect(
    step(ref, 'medische_zorg', { action: 'afwijzen', reason: 'te_druk' } as unknown as TaskStep),
  ).rejects.toThrow(/step.reason: expected one of geen_capaciteit/);
  await expect(step(ref, 'casemanager_overdracht', { action: 'afwijzen', reason: 'anders' })).rejects.toThrow(
    /requestId: request "casemanager_overdracht" is not a task/,
  );
  expect(taskSteps(await h.state(ref))).toEqual([]);

  await accept(ref, 'medische_zorg');
  await expect(
    step(ref, 'medische_zorg', { action: 'plannen', appointment: { at: 'morgen', place: 'SEH' } }),
  ).rejects.toThrow(/step.appointment.at: expected an ISO date-time/);
  const s = await step(ref, 'medische_zorg', { action: 'niet_uitgevoerd', reason: 'niet_meer_nodig' });
  expect(taskOf(s, 'medische_zorg')).toMatchObject({
    state: 'niet_uitgevoerd',
    notDoneReason: 'niet_meer_nodig',
  });
  expect(taskSteps(s).map((d) => d.value)).toEqual(['niet_uitgevoerd: niet_meer_nodig']);
  await expect(step(ref, 'medische_zorg', { action: 'plannen', appointment: PLAN_A })).rejects.toThrow(
    /step: the task is already final \(niet_uitgevoerd\)/,
  );

  // A task not done does not hold the case: withdrawn, it closes.
  await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  await expect(h.env.client.workflow.getHandle(ref).result()).resolves.toMatchObject({
    outcome: 'ingetrokken',
  });
});

test('a decline hands the request to the backup at once; the decliner’s link moves on', async () => {
  const ref = await acuteCase();
  await h.untilSent(ref, 'informatief_gesprek', 1);
  const primary = { tier: 'primary' as const, attempt: 1 };
  const s = await step(
    ref,
    'informatief_gesprek',
    { action: 'afwijzen', reason: 'geen_capaciteit' },
    primary,
  );
  expect(taskSteps(s).map((d) => d.value)).toEqual(['afwijzen: geen_capaciteit']);

  // No waiting for the step's hour: the backup is asked now, and the task is requested of it.
  const sent = await h.untilSent(ref, 'informatief_gesprek', 2);
  expect(sent[1]).toMatchObject({ tier: 'backup', attempt: 2 });
  const moved = await h.until(ref, (x) => request(x, 'informatief_gesprek')?.awaitedTier === 'backup');
  expect(request(moved, 'informatief_gesprek')).toMatchObject({
    status: 'open',
    escalationLevel: 2,
    task: {
      state: 'aangevraagd',
      declines: [
        { tier: 'primary', reason: 'geen_capaciteit', by: 'partnerlink:partner', at: expect.any(String) },
      ],
    },
  });

  await expect(accept(ref, 'informatief_gesprek', primary)).rejects.toThrow(/link: the request has moved on/);
  await expect(
    step(ref, 'informatief_gesprek', { action: 'afwijzen', reason: 'anders' }, primary),
  ).rejects.toThrow(/link: the request has moved on/);
  const backup = { tier: 'backup' as const, attempt: 2 };
  await accept(ref, 'informatief_gesprek', backup);
  // After the acceptance the accepting link still acts for the later steps; the decliner's does not.
  await expect(
    step(ref, 'informatief_gesprek', { action: 'plannen', appointment: PLAN_A }, primary),
  ).rejects.toThrow(/link: the request has moved on/);
  const planned = await step(ref, 'informatief_gesprek', { action: 'plannen', appointment: PLAN_A }, backup);
  expect(taskOf(planned, 'informatief_gesprek')).toMatchObject({ state: 'gepland', appointment: PLAN_A });
});

test('the coordinator’s decline keeps the request open, declined, its level raised', async () => {
  const ref = await acuteCase();
  await h.untilSent(ref, 'informatief_gesprek', 1);
  await step(ref, 'informatief_gesprek', { action: 'afwijzen', reason: 'niet_passend' });
  await h.until(ref, (x) => request(x, 'informatief_gesprek')?.awaitedTier === 'backup');
  await step(ref, 'informatief_gesprek', { action: 'afwijzen', reason: 'buiten_werkgebied' });
  const atCoordinator = await h.until(
    ref,
    (x) => request(x, 'informatief_gesprek')?.awaitedTier === 'coordinator',
  );
  expect(request(atCoordinator, 'informatief_gesprek')).toMatchObject({ escalationLevel: 3, attempt: 3 });

  const s = await step(ref, 'informatief_gesprek', { action: 'afwijzen', reason: 'geen_capaciteit' });
  expect(request(s, 'informatief_gesprek')).toMatchObject({
    status: 'open',
    awaitedTier: 'coordinator',
    escalationLevel: 4,
    task: { state: 'afgewezen' },
  });
  expect(taskOf(s, 'informatief_gesprek')!.declines.map((d) => [d.tier, d.reason])).toEqual([
    ['primary', 'niet_passend'],
    ['backup', 'buiten_werkgebied'],
    ['coordinator', 'geen_capaciteit'],
  ]);
  await expect(step(ref, 'informatief_gesprek', { action: 'afwijzen', reason: 'anders' })).rejects.toThrow(
    /step: the task is already declined/,
  );
  // Nobody else is asked: the request waits for ops (or a late acceptance).
  await h.skip(3 * 60 * 60_000);
  expect(h.partners.requestsOf(ref, 'informatief_gesprek')).toHaveLength(3);
  const late = await accept(ref, 'informatief_gesprek');
  expect(request(late, 'informatief_gesprek')).toMatchObject({
    status: 'acknowledged',
    task: { state: 'geaccepteerd' },
  });
});

test('a step retried with the same update id is taken once', async () => {
  const ref = await acuteCase();
  await accept(ref, 'fmo');
  const handle = h.env.client.workflow.getHandle(ref);
  const input = {
    requestId: 'fmo',
    by: 'partnerlink:fa',
    step: { action: 'plannen' as const, appointment: PLAN_A },
  };
  const first = await handle.executeUpdate(recordTaskStep, { updateId: 'actie-1', args: [input] });
  const again = await handle.executeUpdate(recordTaskStep, { updateId: 'actie-1', args: [input] });
  expect(taskSteps(again)).toEqual(taskSteps(first));
  expect(taskSteps(await h.state(ref))).toHaveLength(1);
});
