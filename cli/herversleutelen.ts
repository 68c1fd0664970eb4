/**
 * `herversleutelen`: after a payload key rotation, seals every case file record that is still
 * under an older key again under the current one (the last pair of PAYLOAD_KEYS), in batches,
 * with the count after each. Afterwards the case file needs no older key; Temporal's histories
 * may, until their retention ends (docs/privacy.md, "Key rotation").
 *
 * For ops (the role that keeps the keys): with STAFF_ROLES the acting id needs the action
 * `herversleutelen`; without it, an id of OPS_STAFF_IDS. It needs no Temporal: only the case
 * file (CASE_FILE_DB_PATH or CASE_FILE_DATABASE_URL), PAYLOAD_KEYS and BLIND_INDEX_KEY. Safe to
 * stop and run again: what is done stays done, the next run goes on from there.
 */
import type { CaseFile } from '../caseFile';
import { may } from '../domain/access';
import type { StaffDirectory } from '../config/staffRoles';

export const RESEAL_COMMAND = 'herversleutelen';
export const RESEAL_USAGE = `  herversleutelen --door <ops-id>                            dossier opnieuw versleutelen met de nieuwste sleutel (na sleutelrotatie)`;

/** Why the acting id may not, in Dutch; undefined when it may. */
export function resealRefusal(
  by: string,
  roles: { staffRoles?: StaffDirectory | undefined; opsStaffIds: ReadonlySet<string> },
): string | undefined {
  if (roles.staffRoles) {
    const staff = roles.staffRoles.get(by);
    if (!staff) return `Geweigerd: ${by} heeft geen rol (STAFF_ROLES); geef je medewerker-id met --door <id>`;
    return may(staff, 'herversleutelen')
      ? undefined
      : `Geweigerd: ${staff.id} (rol ${staff.role}) mag dit niet; herversleutelen is voor ops`;
  }
  return roles.opsStaffIds.has(by)
    ? undefined
    : `Geweigerd: ${by} heeft geen ops-rol (OPS_STAFF_IDS); geef je ops-id met --door <id>`;
}

export interface ResealDeps {
  /** Opens the case file under the configured keys; closed after the command. */
  caseFile: () => Pick<CaseFile, 'reseal' | 'close'>;
  /** The id of the key new records are sealed with (the last pair of PAYLOAD_KEYS). */
  currentKeyId: string;
  out: (line: string) => void;
}

/** Re-seals the case file; the exit code. */
export async function runReseal(deps: ResealDeps): Promise<number> {
  const caseFile = deps.caseFile();
  try {
    deps.out(`Dossier opnieuw versleutelen met sleutel ${deps.currentKeyId}...`);
    const total = await caseFile.reseal((soFar) => deps.out(`  ${soFar} dossierstukken opnieuw versleuteld`));
    deps.out(
      total === 0
        ? `Niets te doen: elk dossierstuk is al versleuteld met sleutel ${deps.currentKeyId}.`
        : `Klaar: ${total} dossierstukken opnieuw versleuteld met sleutel ${deps.currentKeyId}; ` +
            'het dossier heeft geen oudere sleutel meer nodig.',
    );
    return 0;
  } finally {
    await caseFile.close();
  }
}
