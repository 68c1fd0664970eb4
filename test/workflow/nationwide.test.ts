import { createDirectory, type ResolvedRecipient } from '../../activities/directory';
import type { PartnerRequestMessage } from '../../activities/types';
import { REGIONS } from '../../regions';
import { CsgRegion } from '../../workflows/searchAttributes';
import { MINUTE, open, useHarness } from './harness';

const h = useHarness('wf-nationwide');

/** The partner double resolves each send through the real directory, as the activity does. */
function recipientsOf(ref: string): Array<{ tier: string; recipient: ResolvedRecipient }> {
  const directory = createDirectory(REGIONS);
  return h.partners.requestsOf(ref, 'casemanager_overdracht').map((m: PartnerRequestMessage) => {
    const found = directory.lookup(m.regionId, m.role, m.tier);
    if (!found.found) throw new Error(found.reason);
    return { tier: m.tier, recipient: found.recipient };
  });
}

describe('a caller from anywhere in the Netherlands', () => {
  test('an intake from Utrecht starts a case whose handover goes to the default directory', async () => {
    const ref = await h.start(
      await h.intake({ municipality: 'Utrecht', wishes: { police: 'nee', medicalCare: 'nee' } }),
    );
    const s = await h.until(ref, (x) => open(x, 'casemanager_overdracht') !== undefined);
    expect(s.regionId).toBe('utrecht');

    // Nobody acknowledges: the region's coordinator, then the national line as backup.
    await h.skip(15 * MINUTE + 1000);
    await h.skip(15 * MINUTE);
    await h.untilSent(ref, 'casemanager_overdracht', 3);
    const sent = recipientsOf(ref).map(({ tier, recipient }) => [tier, recipient.contact.email]);
    expect(sent).toEqual([
      ['primary', 'coordinator@utrecht.csg.example'],
      ['primary', 'coordinator@utrecht.csg.example'],
      ['backup', 'landelijk@csg-landelijk.example'],
    ]);
  });

  test('a municipality no CSG holds yet goes to the national coordinator, where ops find it', async () => {
    const ref = await h.start(
      await h.intake({ municipality: 'Dordrecht', wishes: { police: 'nee', medicalCare: 'nee' } }),
    );
    const s = await h.until(ref, (x) => open(x, 'casemanager_overdracht') !== undefined);
    expect(s.regionId).toBe('landelijk');
    const { typedSearchAttributes } = await h.env.client.workflow.getHandle(ref).describe();
    expect(typedSearchAttributes.get(CsgRegion)).toBe('landelijk');
    await h.untilSent(ref, 'casemanager_overdracht', 1);
    expect(recipientsOf(ref)[0]!.recipient.contact.name).toBe('Landelijk coördinator CSG (in te vullen)');
  });
});
