/**
 * The closing notice of a partner request: the partners who were asked hear that it ends without
 * action, so nobody contacts the victim.
 */
import { CancellationScope, log, patched, proxyActivities } from '@temporalio/workflow';
import type { MeldingActivities } from '../activities/types';
import type { NoticeKind, RecipientTier } from '../domain/types';
import type { PartnerRequest } from './partnerRequest';
import { SEND_RETRY } from './partnerSend';

const noticeActivities = proxyActivities<MeldingActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: SEND_RETRY,
});

/**
 * Tells the partners behind a request that it ends without action (withdrawn, lapsed,
 * transferred), so nobody contacts the victim: every tier that was sent the request (a backup
 * may have acknowledged while the ladder ran on). Not cancellable: it must go out even while the
 * case is closing. Never fails the workflow. A notice that cannot be delivered is not dropped:
 * it goes to the region's coordinator, who can phone the partner.
 */
export async function sendNotice(
  meldingRef: string,
  regionId: string,
  request: PartnerRequest,
  notice: NoticeKind,
): Promise<void> {
  const { view } = request;
  const send = async (tier: RecipientTier): Promise<boolean> => {
    try {
      const report = await noticeActivities.sendPartnerNotice({
        meldingRef,
        regionId,
        requestId: view.requestId,
        kind: view.kind,
        role: view.role,
        tier,
        ...(tier === 'owner' && request.ownerAddressee ? { addressee: request.ownerAddressee } : {}),
        notice,
      });
      return !report.escalate;
    } catch {
      return false;
    }
  };
  await CancellationScope.nonCancellable(async () => {
    // Running cases keep the one notice to the awaited tier they were started with.
    if (!patched('notice-every-notified-tier')) {
      if (!(await send(view.awaitedTier))) {
        log.error('closing notice could not be sent', { meldingRef, requestId: view.requestId, notice });
      }
      return;
    }
    const tiers = request.notifiedTiers;
    const delivered = await Promise.all(tiers.map(send));
    if (delivered.every(Boolean)) return;
    log.error('closing notice not delivered; telling the coordinator', {
      meldingRef,
      requestId: view.requestId,
      notice,
    });
    if (!tiers.includes('coordinator') && (await send('coordinator'))) return;
    log.error('closing notice reached nobody', { meldingRef, requestId: view.requestId, notice });
  });
}
