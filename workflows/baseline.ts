/**
 * The engine's floor, for the benchmark (`npm run bench`): a workflow that makes only the call the
 * handover makes (one partner request, the same activity with the same options) and nothing else.
 * Measured in the same run as the melding pathway, the ratio says what the pathway itself costs
 * on top of Temporal and the partner sends. Registered in the worker beside the melding workflow
 * so both run in the very same process; nothing starts it in production.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { DeliveryReport, MeldingActivities, PartnerRequestMessage } from '../activities/types';

const { sendPartnerRequest } = proxyActivities<MeldingActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export async function handoverBaselineWorkflow(message: PartnerRequestMessage): Promise<DeliveryReport> {
  return sendPartnerRequest(message);
}
