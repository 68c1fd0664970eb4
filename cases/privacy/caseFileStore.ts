/**
 * The case file (caseFile/) as a case store: its records are what the CSG registered of the care
 * it gave, so the export shows them all (kind, time, what was recorded) and erasure removes the
 * whole file. A record that fails to open (a key no longer configured, or tampering) fails the
 * export loudly rather than leaving it out unseen.
 */
import type { CaseFile } from '../../caseFile';
import type { CaseStore } from './caseStores';

export function caseFileCaseStore(caseFile: CaseFile): CaseStore {
  return {
    name: 'dossier',
    async held(reference) {
      const records = await caseFile.records(reference);
      if (records.length === 0) return undefined;
      return { stukken: records.map(({ kind, at, data }) => ({ kind, at, data })) };
    },
    async erase(reference) {
      return { stukken: await caseFile.erase(reference) };
    },
  };
}
