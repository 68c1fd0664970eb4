/**
 * The staff and ops command line's commands (`npm run cli -- <opdracht>`; the process itself is
 * main.ts).
 *
 *   start <intake.json> [--door <staff-id>]     start a melding from a JSON file (reference, receivedAt
 *                                                and recordedBy may be left out)
 *   status <reference>                           the case's state (no personal data)
 *   ack <reference> <request-id> [--door <id>]   acknowledge a partner request
 *   stuck                                        every open request past its deadline, oldest first
 *   sessies-intrekken <staff-id>                 revoke every session of a staff account now (ops;
 *                                                the intake's session store: STAFF_SESSION_DB or
 *                                                SESSION_DATABASE_URL)
 *   herversleutelen                              after a key rotation, seal the case file again under
 *                                                the current payload key (ops; herversleutelen.ts)
 *   resend | reassign | close | history          ops actions on a stuck case (ops.ts)
 *   toegangslog <reference> --door <id>          the case's access log (privacy officer; accessLog.ts)
 *
 * `--door <id>` (else CSG_STAFF_ID) names the acting staff member. With STAFF_ROLES set, every
 * command applies that id's role and regions, the same rules as the web service (cli/acting.ts):
 * a case outside the regions is "Geen melding", an action the role may not take is refused.
 * Without STAFF_ROLES, only the ops actions need an id of OPS_STAFF_IDS, as before.
 *
 * It speaks Dutch to the person at the terminal: codes become words (words.ts), refusals are
 * translated (refusals.ts), and after an action it shows the case as `status` will (afterAction.ts).
 * Talks to Temporal directly (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE); it needs
 * none of the service's secrets. Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
 */
import { ACCOUNT_USAGE } from './account';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { ConfigError } from '../config/configError';
import { fillIntakeDefaults, receivedAtProblem } from '../cases/intakeDefaults';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { formatLocal } from '../domain/localTime';
import { CaseUnavailableError, createMeldingService, isDeadlineExceeded } from '../cases/meldingService';
import { type StaffSessionStore } from '../web/kit/sessionStore';
import { type StaffDirectory } from '../config/staffRoles';
import type { Decision } from '../domain/decisions';
import { BESLUIT_USAGE, besluitFromArgs } from './besluit';
import { actingCases } from './acting';
import { PRIVACY_OPTIONS, PRIVACY_USAGE, runPrivacyCommand, type PrivacyCliDeps } from './privacy';
import { OPS_USAGE, runOpsCommand } from './ops';
import { createOpsService } from '../cases/opsService';
import { startWithFreeReference } from '../cases/uniqueStart';
import { listStuck } from '../cases/stuck';
import { stateAfterAction } from './afterAction';
import { printState } from './caseView';
import { intakeProblemText, refusalText } from './refusals';
import { RESEAL_USAGE } from './herversleutelen';
import { phaseWord, requestLine, windowWords } from './words';
import type { AccessLog } from '../accessLog';
import { ACCESS_LOG_USAGE, runAccessLogCommand, withAccessLog } from './accessLog';

export interface CliDeps {
  client: Client;
  taskQueue: string;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The intake's list of revoked sessions; opened only for the command that needs it. */
  sessions?: () => StaffSessionStore;
  /** Staff ids with the ops role (OPS_STAFF_IDS); without STAFF_ROLES, the ops commands refuse any other acting id. */
  opsStaffIds?: ReadonlySet<string>;
  /** BLIND_INDEX_KEY: cases started here can be found again by phone or name (cases/find.ts). */
  blindIndexKey?: Buffer;
  /** Each id's role and regions when STAFF_ROLES is set: every command is then scoped (cli/acting.ts). */
  staffRoles?: StaffDirectory;
  /** The privacy officer's service (export, erasure): cli/privacy.ts. */
  privacy?: PrivacyCliDeps['privacy'];
  /**
   * The access log (accessLog/), opened per command: `status` writes an entry before it shows a
   * case, `toegangslog` reads a case's entries. main() always hands it in.
   */
  accessLog?: () => AccessLog;
}

export const USAGE = `Gebruik: npm run cli -- <opdracht>
  start <intake.json> [--door <medewerker-id>]               melding starten uit een JSON-bestand
  (--door <id> of CSG_STAFF_ID: wie handelt; met STAFF_ROLES gelden de rol en regio's van die id)
  status <referentie>                                        stand van een melding (zonder persoonsgegevens)
  ack <referentie> <verzoek-id> [--door <id>]                verzoek bevestigen
${BESLUIT_USAGE}
  stuck                                                      open verzoeken over hun termijn, oudste eerst
  sessies-intrekken <medewerker-id>                          alle sessies van een medewerker nu intrekken
${RESEAL_USAGE}
${OPS_USAGE}
${PRIVACY_USAGE}
${ACCESS_LOG_USAGE}
${ACCOUNT_USAGE}`;

export const STAFF_COMMANDS = ['start', 'status', 'ack', 'besluit', 'stuck', 'sessies-intrekken'];
export const OPS_COMMANDS = ['resend', 'reassign', 'close', 'history'];

const OPTIONS = ['--door', ...PRIVACY_OPTIONS];

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The arguments without the options and their values: `ack --door cm-1 REF ID` works too. */
function positional(args: string[]): string[] {
  return args.filter((_, i) => !OPTIONS.includes(args[i]!) && !OPTIONS.includes(args[i - 1]!));
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  const args = positional(rest);
  const service = createMeldingService(deps.client, deps.taskQueue, deps.blindIndexKey);
  const by = option(rest, '--door') ?? process.env.CSG_STAFF_ID ?? 'cli';
  const cases = actingCases(
    {
      meldingen: service,
      ops: createOpsService(deps.client),
      stuck: (now, regions) => listStuck(deps.client, now, regions),
    },
    by,
    {
      opsStaffIds: deps.opsStaffIds ?? new Set(),
      ...(deps.staffRoles ? { staffRoles: deps.staffRoles } : {}),
    },
  );
  /** Records a decision as the acting id and says how it went: `done` and the phase after it, or why not. */
  async function decided(reference: string, decision: Decision, done: string): Promise<number> {
    const outcome = await cases.decide(reference, decision);
    if (outcome.status === 'forbidden') {
      deps.err(cases.refusalText(outcome));
      return 1;
    }
    if (outcome.status === 'not_found') {
      deps.err(`Geen open melding ${reference}`);
      return 1;
    }
    if (outcome.status === 'rejected') {
      deps.err(`Geweigerd: ${outcome.problems.map(refusalText).join('; ')}`);
      return 1;
    }
    deps.out(done);
    printState((await stateAfterAction(service.state, outcome.state)).state, deps.out);
    return 0;
  }
  const opsCode = await runOpsCommand(command, args, by, {
    cases,
    caseState: (reference) => service.state(reference),
    out: deps.out,
    err: deps.err,
  });
  if (opsCode !== undefined) return opsCode;
  const privacyCode = await runPrivacyCommand(command, args, {
    ...(deps.privacy ? { privacy: deps.privacy } : {}),
    staff: deps.staffRoles?.get(by),
    by,
    options: { taal: option(rest, '--taal'), uit: option(rest, '--uit') },
    out: deps.out,
    err: deps.err,
  });
  if (privacyCode !== undefined) return privacyCode;
  const accessLogCode = await runAccessLogCommand(command, args, {
    ...(deps.accessLog ? { accessLog: deps.accessLog } : {}),
    staff: deps.staffRoles?.get(by),
    by,
    caseVisible: async (reference) => (await cases.state(reference)).status === 'ok',
    out: deps.out,
    err: deps.err,
  });
  if (accessLogCode !== undefined) return accessLogCode;
  switch (command) {
    case 'start': {
      const file = args[0];
      if (!file) break;
      let given: unknown;
      try {
        given = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        deps.err(
          `Kan ${file} niet lezen als JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
        return 1;
      }
      if (typeof given !== 'object' || given === null || Array.isArray(given)) {
        deps.err(`${file} bevat geen JSON-object met een melding`);
        return 1;
      }
      const now = deps.now();
      const future = receivedAtProblem(given as Record<string, unknown>, now);
      if (future) {
        deps.err('Melding niet gestart; controleer:');
        deps.err(`  ${intakeProblemText(future)}`);
        return 1;
      }
      const filled = fillIntakeDefaults(given as Record<string, unknown>, {
        now,
        staffId: by,
        // No Idempotency-Key on the command line: the first candidate is random, the secret only chains it.
        secret: randomBytes(32).toString('hex'),
      });
      const outcome = await startWithFreeReference(cases, filled.rawFor, {
        referenceDerived: filled.referenceDerived,
      });
      if (outcome.status === 'forbidden') {
        deps.err(cases.refusalText(outcome));
        return 1;
      }
      if (outcome.status === 'invalid') {
        deps.err('Melding niet gestart; controleer:');
        for (const p of outcome.problems) deps.err(`  ${intakeProblemText(p)}`);
        return 1;
      }
      deps.out(
        `${outcome.status === 'started' ? 'Gestart' : 'Bestond al (niets nieuws gestart)'}: ${outcome.reference}` +
          (outcome.triage ? ` — triage: ${windowWords(outcome.triage.window)}` : ''),
      );
      return 0;
    }
    case 'status': {
      const reference = args[0];
      if (!reference) break;
      const read = await cases.state(reference);
      if (read.status === 'forbidden') {
        deps.err(cases.refusalText(read));
        return 1;
      }
      if (read.status === 'not_found') {
        deps.err(`Geen melding ${reference}`);
        return 1;
      }
      if (deps.accessLog) {
        await withAccessLog(deps.accessLog, (log) =>
          log.record({ at: deps.now().toISOString(), by, reference, reason: 'cli' }),
        );
      }
      printState(read.state, deps.out);
      return 0;
    }
    case 'ack': {
      const [reference, requestId] = args;
      if (!reference || !requestId) break;
      return decided(
        reference,
        { type: 'ontvangstbevestiging', input: { requestId, by } },
        `Bevestigd: [${requestId}] van ${reference}`,
      );
    }
    case 'besluit': {
      const [reference, type, json = '{}'] = args;
      if (!reference || !type) break;
      const read = besluitFromArgs(type, json, by);
      if ('problem' in read) {
        deps.err(read.problem);
        return 2;
      }
      return decided(reference, read.decision, `Vastgelegd (${type}) op ${reference} door ${by}`);
    }
    case 'sessies-intrekken': {
      const staffId = args[0];
      if (!staffId || !STAFF_ID_PATTERN.test(staffId) || !deps.sessions) break;
      if (!cases.may('sessies_intrekken')) {
        deps.err(cases.refusalText({ status: 'forbidden', reason: 'role', action: 'sessies_intrekken' }));
        return 1;
      }
      // The one store of the intake service(s) and the codec server: ended on every one at once.
      const sessions = deps.sessions();
      try {
        await sessions.endSessionsOf(staffId);
      } finally {
        await sessions.close();
      }
      deps.out(`Alle sessies van ${staffId} zijn ingetrokken; opnieuw inloggen is nodig.`);
      return 0;
    }
    case 'stuck': {
      const listed = await cases.stuck(deps.now());
      if (listed.status === 'forbidden') {
        deps.err(cases.refusalText(listed));
        return 1;
      }
      const { stuck } = listed;
      if (stuck.length === 0) {
        deps.out('Geen open verzoeken over hun termijn.');
        return 0;
      }
      deps.out(`${stuck.length} open verzoek(en) over hun termijn, oudste eerst:`);
      for (const s of stuck) {
        deps.out(
          `  ${formatLocal(s.request.dueBy)}  ${s.reference}  ${requestLine(s.request)}` +
            `  escalatie ${s.request.escalationLevel}  ${s.overdueMinutes} min over tijd  (${s.regionId}, ${phaseWord(s.phase)})`,
        );
      }
      return 0;
    }
  }
  deps.err(USAGE);
  return 2;
}

/** The command line could not reach Temporal at all: nothing was read or changed. */
export class TemporalUnreachableError extends Error {
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    super(`Temporal at ${address} unreachable`, { cause });
  }
}

const technical = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What went wrong outside any refusal, in Dutch; the technical detail is for whoever looks further. */
export function failureText(error: unknown): string {
  if (error instanceof ConfigError) {
    return [
      'De instellingen zijn niet in orde (omgevingsvariabelen):',
      ...error.problems.map((p) => `  - ${p}`),
    ].join('\n');
  }
  if (error instanceof TemporalUnreachableError) {
    return (
      `Mislukt: Temporal op ${error.address} is niet bereikbaar; er is niets gelezen of veranderd ` +
      `(technische melding: ${technical(error.cause)})`
    );
  }
  if (error instanceof CaseUnavailableError || isDeadlineExceeded(error)) {
    return 'Mislukt: de melding antwoordde niet op tijd; draait er een worker? Probeer het zo opnieuw.';
  }
  return `Mislukt: onverwachte fout (technische melding: ${technical(error)})`;
}
