/**
 * One small interface per place that holds something of a case, so the access export and erasure
 * walk the same list: what the export shows is what erasure removes. A store added later (the
 * per-case access log) implements this and joins the list handed to the privacy service.
 */

/** The places a case is held; codes, named in the export and the erasure receipt. */
export const CASE_STORE_NAMES = ['temporal', 'bezorglog', 'mailkopieen', 'dossier'] as const;
export type CaseStoreName = (typeof CASE_STORE_NAMES)[number];

/** What one store removed, as counts per kind (never a value). */
export type Removed = Record<string, number>;

export interface CaseStore {
  readonly name: CaseStoreName;
  /**
   * Everything this store holds about the case, for the access export (personal: written to the
   * export only, never logged); undefined when it holds nothing of it.
   */
  held(reference: string): Promise<Record<string, unknown> | undefined>;
  /** Removes everything this store holds about the case; what it removed, as counts. */
  erase(reference: string): Promise<Removed>;
}
