/**
 * The privacy officer's commands (role `privacy` in STAFF_ROLES):
 *
 *   export <referentie> [--taal en] [--uit <map>] --door <id>   the access export (AVG art. 15):
 *        inzage-<referentie>.json and .html in <map> (default: the current folder), readable by the
 *        file's owner only, as they hold the victim's details
 *   wissen <referentie> --door <id>                             request the erasure (AVG art. 17)
 *   wissen-goedkeuren <referentie> --door <andere-id>           approve and carry it out: another
 *        privacy officer of the case's region than the one who requested it
 *
 * The same service and rules as the case page's privacy section (cases/privacy/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Staff } from '../domain/access';
import { isLang, type Lang } from '../i18n';
import { exportDocument, type PrivacyService } from '../cases/privacy';

export const PRIVACY_COMMANDS = ['export', 'wissen', 'wissen-goedkeuren'];
export const PRIVACY_OPTIONS = ['--taal', '--uit'];

export const PRIVACY_USAGE = `  export <referentie> [--taal en] [--uit <map>] --door <id>  inzage (AVG art. 15) als JSON en document
  wissen <referentie> --door <id>                            wissen aanvragen (AVG art. 17)
  wissen-goedkeuren <referentie> --door <andere-id>          wissen goedkeuren en uitvoeren (tweede privacyfunctionaris)`;

export interface PrivacyCliDeps {
  /** Opens the privacy service (and its store); closed after the command. */
  privacy?: () => { service: PrivacyService; close(): void };
  /** The acting staff member, when STAFF_ROLES names the id. */
  staff: Staff | undefined;
  by: string;
  options: { taal?: string; uit?: string };
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The command's exit code, or undefined when it is not a privacy command. */
export async function runPrivacyCommand(
  command: string | undefined,
  args: string[],
  deps: PrivacyCliDeps,
): Promise<number | undefined> {
  if (!command || !PRIVACY_COMMANDS.includes(command)) return undefined;
  const reference = args[0];
  if (!reference || !deps.privacy) return undefined;
  const lang: Lang | undefined =
    deps.options.taal === undefined ? 'nl' : isLang(deps.options.taal) ? deps.options.taal : undefined;
  if (!lang) {
    deps.err(`--taal: kies nl of en (niet "${deps.options.taal}")`);
    return 2;
  }
  const { staff } = deps;
  if (!staff) {
    deps.err(
      `Geweigerd: ${deps.by} heeft geen rol (STAFF_ROLES); inzage en wissen zijn voor een privacyfunctionaris: geef je id met --door <id>`,
    );
    return 1;
  }
  const refused = () =>
    deps.err(
      `Geweigerd: ${staff.id} (rol ${staff.role}) mag dit niet; inzage en wissen zijn voor de privacyfunctionaris`,
    );
  const notFound = () => deps.err(`Geen melding ${reference}`);

  const { service, close } = deps.privacy();
  try {
    switch (command) {
      case 'export': {
        const outcome = await service.exportCase(staff, reference, lang);
        if (outcome.status === 'forbidden') return (refused(), 1);
        if (outcome.status === 'not_found') return (notFound(), 1);
        const dir = deps.options.uit ?? '.';
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const base = join(dir, `inzage-${reference}`);
        writeFileSync(`${base}.json`, `${JSON.stringify(outcome.document, null, 2)}\n`, { mode: 0o600 });
        writeFileSync(`${base}.html`, exportDocument(outcome.document), { mode: 0o600 });
        deps.out(`Inzage van ${reference} geschreven: ${base}.json en ${base}.html (bevat persoonsgegevens)`);
        return 0;
      }
      case 'wissen': {
        const outcome = await service.requestErasure(staff, reference);
        if (outcome.status === 'forbidden') return (refused(), 1);
        if (outcome.status === 'not_found') return (notFound(), 1);
        if (outcome.status === 'already_requested') {
          deps.out(
            `Wissen van ${reference} was al aangevraagd door ${outcome.request.requestedBy}; een andere privacyfunctionaris keurt goed met wissen-goedkeuren.`,
          );
          return 0;
        }
        deps.out(
          `Wissen van ${reference} aangevraagd door ${staff.id}; een andere privacyfunctionaris keurt goed met wissen-goedkeuren.`,
        );
        return 0;
      }
      default: {
        const outcome = await service.approveErasure(staff, reference);
        if (outcome.status === 'forbidden') return (refused(), 1);
        if (outcome.status === 'not_found') return (notFound(), 1);
        if (outcome.status === 'no_request') {
          deps.err(
            `Geweigerd: niemand heeft het wissen van ${reference} aangevraagd (eerst: wissen ${reference}); er is niets gewist`,
          );
          return 1;
        }
        if (outcome.status === 'same_person') {
          deps.err(
            `Geweigerd: ${staff.id} vroeg het wissen zelf aan; een andere privacyfunctionaris moet goedkeuren. Er is niets gewist`,
          );
          return 1;
        }
        const { receipt } = outcome;
        deps.out(`Gewist: ${reference}. Bewijs van wissen ${receipt.referenceHash}`);
        deps.out(
          `  aangevraagd door ${receipt.requestedBy}, goedgekeurd door ${receipt.approvedBy}, ${receipt.erasedAt}`,
        );
        for (const [store, counts] of Object.entries(receipt.removed)) {
          deps.out(
            `  ${store}: ${Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          );
        }
        return 0;
      }
    }
  } finally {
    close();
  }
}
