/**
 * The casemanager owns the case: whoever accepts the handover is its owner, in the case state and
 * in the CsgCasemanager search attribute a worklist asks "my cases" by.
 */
import { decide } from '../../cases/meldingClient';
import { CsgCasemanager } from '../../workflows/searchAttributes';
import { open, useHarness } from './harness';

const h = useHarness('wf-owner');

/** Police "nee", no medical care: only the handover stands between intake and watchful waiting. */
async function startAtHandover(): Promise<{ ref: string; base: number }> {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  return { ref, base: Date.parse(intake.receivedAt) };
}

async function ownerAttribute(ref: string): Promise<unknown> {
  const described = await h.env.client.workflow.getHandle(ref).describe();
  return described.typedSearchAttributes.get(CsgCasemanager);
}

describe('the owner of the case', () => {
  test('the casemanager who acknowledges the handover owns the case', async () => {
    const { ref } = await startAtHandover();
    expect((await h.state(ref)).casemanager).toBeUndefined();
    expect(await ownerAttribute(ref)).toBeUndefined();

    const s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
    });
    expect(s.casemanager).toBe('cm-lim');
    await h.until(ref, (x) => x.phase === 'watchful_waiting');
    expect(await ownerAttribute(ref)).toBe('cm-lim');
  });

  test('an answer through the partner link names nobody: the case stays without an owner', async () => {
    const { ref } = await startAtHandover();
    const s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'partnerlink:casemanager' },
    });
    expect(s.casemanager).toBeUndefined();
    expect(await ownerAttribute(ref)).toBeUndefined();
  });
});
