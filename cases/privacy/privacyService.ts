/**
 * The victim's rights over their case, for the privacy officer (role `privacy`, domain/access.ts):
 *
 * - `exportCase`: everything the system holds about the case, store by store (caseStores.ts), with
 *   what is not included and why (the AVG art. 15 access request). Written out by the front end as
 *   JSON and as a readable document (exportDocument.ts).
 * - `requestErasure` / `approveErasure`: erasure needs two privacy officers of the case's region;
 *   the one who approves must not be the one who requested. Approval erases the case from every
 *   store and writes a receipt without the reference (receiptHash.ts); the anonymous semester
 *   record stays (it holds nothing that leads back to the case).
 *
 * Roles and regions are checked here as cases/access.ts checks them for the other actions: the
 * role first (`forbidden`), then the region (a case elsewhere is `not_found`, like no case at all).
 */
import { may, type Staff } from '../../domain/access';
import { translator, type Lang } from '../../i18n';
import { servesCase, type Forbidden, type NotFound } from '../access';
import type { CaseStore, CaseStoreName, Removed } from './caseStores';
import type { PrivacyAccessLog } from './accessLog';
import type { ErasureReceipt, ErasureRequest, ErasureStore } from './erasureStore';
import { receiptHash } from './receiptHash';

/** What the export does not hold, each with its reason in the catalogues (privacy.notIncluded). */
export const NOT_INCLUDED = [
  'dossier',
  'toegangslog',
  'berichtinhoud',
  'semesterrecord',
  'logboeken',
] as const;
export type NotIncluded = (typeof NOT_INCLUDED)[number];

export interface CaseExport {
  reference: string;
  exportedAt: string;
  exportedBy: string;
  lang: Lang;
  /** Per store, what it holds of the case (stores that hold nothing are left out). */
  held: Partial<Record<CaseStoreName, Record<string, unknown>>>;
  /** Who saw the case's details, when and why (accessLog/), when the access log was handed in. */
  toegangslog?: Array<{ at: string; by: string; reason: string; detail?: string }>;
  notIncluded: Array<{ code: NotIncluded; text: string }>;
}

export type ExportOutcome = { status: 'ok'; document: CaseExport } | NotFound | Forbidden;
export type RequestOutcome =
  | { status: 'requested'; request: ErasureRequest }
  | { status: 'already_requested'; request: ErasureRequest }
  | NotFound
  | Forbidden;
export type ApproveOutcome =
  | { status: 'erased'; receipt: ErasureReceipt }
  /** Nobody requested this erasure: approving needs a request by another officer first. */
  | { status: 'no_request' }
  /** The approver requested it: a second person must approve. Nothing changed. */
  | { status: 'same_person'; request: ErasureRequest }
  | NotFound
  | Forbidden;
export type PendingOutcome = { status: 'ok'; pending?: ErasureRequest } | NotFound | Forbidden;

export interface PrivacyService {
  exportCase(staff: Staff, reference: string, lang: Lang): Promise<ExportOutcome>;
  pendingErasure(staff: Staff, reference: string): Promise<PendingOutcome>;
  requestErasure(staff: Staff, reference: string): Promise<RequestOutcome>;
  approveErasure(staff: Staff, reference: string): Promise<ApproveOutcome>;
}

export interface PrivacyServiceDeps {
  /**
   * The case's regions, or undefined when there is no such case (e.g. `meldingen.state`); for a
   * case Temporal no longer holds, the region its case file last recorded (index.ts).
   */
  regionsOf(reference: string): Promise<{ regionId: string; transferredTo?: string } | undefined>;
  /** Every place the case is held; the export and erasure walk the same list. */
  stores: readonly CaseStore[];
  erasures: ErasureStore;
  /** BLIND_INDEX_KEY: keys the reference in receipts and the access log (receiptHash.ts). */
  receiptKey: Buffer;
  accessLog: PrivacyAccessLog;
  now?: () => Date;
}

export function createPrivacyService(deps: PrivacyServiceDeps): PrivacyService {
  const now = deps.now ?? (() => new Date());
  const forbidden = (action: Forbidden['action']): Forbidden => ({
    status: 'forbidden',
    reason: 'role',
    action,
  });
  const NOT_FOUND: NotFound = { status: 'not_found' };
  const hashOf = (reference: string) => receiptHash(deps.receiptKey, reference);
  // The case file is "not included" only where this service is not given it as a store.
  // The access log likewise, where it is handed in with its entries.
  const notIncluded = NOT_INCLUDED.filter(
    (code) =>
      (code !== 'dossier' || !deps.stores.some((store) => store.name === 'dossier')) &&
      (code !== 'toegangslog' || !deps.accessLog.ofCase),
  );

  /** The role may take the action and the case lies in the staff member's regions. */
  async function allowed(
    staff: Staff,
    reference: string,
    action: 'inzage_export' | 'wissen',
  ): Promise<Forbidden | NotFound | undefined> {
    if (!may(staff, action)) return forbidden(action);
    const regions = await deps.regionsOf(reference);
    return regions && servesCase(staff, regions) ? undefined : NOT_FOUND;
  }

  return {
    async exportCase(staff, reference, lang) {
      const refused = await allowed(staff, reference, 'inzage_export');
      if (refused) return refused;
      const at = now().toISOString();
      // Recorded first: no export leaves without its entry, and the export shows its own line.
      await deps.accessLog.record({
        action: 'inzage_export',
        by: staff.id,
        reference,
        referenceHash: hashOf(reference),
        at,
      });
      const held: CaseExport['held'] = {};
      for (const store of deps.stores) {
        const data = await store.held(reference);
        if (data) held[store.name] = data;
      }
      const accessEntries = await deps.accessLog.ofCase?.(reference);
      const t = translator(lang);
      return {
        status: 'ok',
        document: {
          reference,
          exportedAt: at,
          exportedBy: staff.id,
          lang,
          held,
          ...(accessEntries
            ? { toegangslog: accessEntries.map(({ reference: _same, ...entry }) => entry) }
            : {}),
          notIncluded: notIncluded.map((code) => ({ code, text: t(`privacy.notIncluded.${code}`) })),
        },
      };
    },

    async pendingErasure(staff, reference) {
      const refused = await allowed(staff, reference, 'wissen');
      if (refused) return refused;
      const pending = deps.erasures.pending(reference);
      return pending ? { status: 'ok', pending } : { status: 'ok' };
    },

    async requestErasure(staff, reference) {
      const refused = await allowed(staff, reference, 'wissen');
      if (refused) return refused;
      const request: ErasureRequest = { reference, requestedBy: staff.id, requestedAt: now().toISOString() };
      if (!deps.erasures.request(request)) {
        return { status: 'already_requested', request: deps.erasures.pending(reference)! };
      }
      await deps.accessLog.record({
        action: 'wisverzoek',
        by: staff.id,
        reference,
        referenceHash: hashOf(reference),
        at: request.requestedAt,
      });
      return { status: 'requested', request };
    },

    async approveErasure(staff, reference) {
      const refused = await allowed(staff, reference, 'wissen');
      if (refused) return refused;
      const request = deps.erasures.pending(reference);
      if (!request) return { status: 'no_request' };
      if (request.requestedBy === staff.id) return { status: 'same_person', request };
      // Temporal last: until the case is gone there, its region can be read and a failed erasure
      // approved again (the request stays pending until every store is done).
      const ordered = [...deps.stores].sort(
        (a, b) => Number(a.name === 'temporal') - Number(b.name === 'temporal'),
      );
      const removed: Record<string, Removed> = {};
      for (const store of ordered) removed[store.name] = await store.erase(reference);
      const receipt: ErasureReceipt = {
        referenceHash: hashOf(reference),
        requestedBy: request.requestedBy,
        requestedAt: request.requestedAt,
        approvedBy: staff.id,
        erasedAt: now().toISOString(),
        removed,
      };
      deps.erasures.complete(reference, receipt);
      // The access log keeps its entries of an erased case (accessLog/retention.ts says why).
      await deps.accessLog.record({
        action: 'wissen',
        by: staff.id,
        reference,
        referenceHash: receipt.referenceHash,
        at: receipt.erasedAt,
      });
      return { status: 'erased', receipt };
    },
  };
}
