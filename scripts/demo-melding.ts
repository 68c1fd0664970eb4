/**
 * Runs a sample melding by hand against the dev server, so it can be followed in the Temporal UI
 * phase by phase. Needs the stack (or at least the dev server and the worker) running: `npm start`.
 *
 *   npm run demo --                      start a sample acute melding (Maastricht)
 *   npm run demo -- state <ref>          phase, open requests, decisions
 *   npm run demo -- ack <ref> <requestId>            e.g. casemanager_overdracht, fmo
 *   npm run demo -- checkin <ref> <requestId> <gaat_goed|stressreactie|geen_contact> [ptss=true|false]
 *   npm run demo -- police <ref> <ja|nee|twijfel>
 *   npm run demo -- withdraw <ref>
 *   npm run demo -- transfer <ref> <regionId>
 *   npm run demo -- aangifte <ref> <ja|nee>   the victim says an aangifte was (not) made
 *
 * A typical walk: start → ack informatief_gesprek, fmo, fmo-opsporing, medische_zorg (phase
 * acute_zorg ends) → ack casemanager_overdracht (watchful_waiting) → the check-ins come on day
 * 1, 7, 14 and 28 of real time, so for a quick look withdraw or transfer instead.
 *
 * Env: TEMPORAL_ADDRESS (default localhost:7233), TEMPORAL_NAMESPACE (default), TEMPORAL_TASK_QUEUE
 * (csg-meldingen), TEMPORAL_UI (default: the codec server's CODEC_PUBLIC_URL when it serves the Web UI,
 * else http://localhost:8233). The sample holds no real personal data.
 */
import { ConfigError } from '../config/configError';
import { connectTemporalClient, loadTemporalSettings, type TemporalSettings } from '../config/temporal';
import { optionalBlindIndexKey } from '../config/env';
import type { CheckInOutcome, MeldingIntake, PoliceWish } from '../domain/types';
import { DecisionRejectedError, getCaseState, startMelding, decide } from '../cases/meldingClient';
import { formatLocal } from '../domain/localTime';
import { buildReference } from '../cases/reference';
import type { CaseState } from '../workflows/messages';

const temporalSettings = ((): TemporalSettings => {
  try {
    return loadTemporalSettings();
  } catch (error) {
    // e.g. no PAYLOAD_KEYS when run outside `npm run demo`: name the variable, no stack trace.
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();
const blindIndexKey = ((): Buffer | undefined => {
  try {
    return optionalBlindIndexKey(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();
const namespace = temporalSettings.TEMPORAL_NAMESPACE;
const taskQueue = temporalSettings.TEMPORAL_TASK_QUEUE;
// The Web UI through the codec server when it serves one: there the case reads decoded after one login.
const ui =
  process.env.TEMPORAL_UI ??
  (process.env.CODEC_TEMPORAL_UI_URL && process.env.CODEC_PUBLIC_URL
    ? process.env.CODEC_PUBLIC_URL
    : 'http://localhost:8233');
/** Pseudonymous id under which the demo records decisions. */
const BY = 'demo-casemanager';

function uiLink(reference: string): string {
  return `${ui}/namespaces/${namespace}/workflows/${encodeURIComponent(reference)}`;
}

/** A made-up reference: this year, a number from the clock, so repeated demos do not collide. */
function demoReference(now: Date): string {
  return buildReference('limburg', now, String(now.getTime() % 1_000_000).padStart(6, '0'));
}

function sampleIntake(now: Date): MeldingIntake {
  return {
    reference: demoReference(now),
    channel: 'telefoon',
    callerRole: 'slachtoffer',
    // Last night, about 20 hours ago: acute, within 72 hours.
    incidentTime: { kind: 'exact', at: new Date(now.getTime() - 20 * 3600_000).toISOString() },
    victimAge: { kind: 'years', years: 23 },
    municipality: 'Maastricht',
    onlineComponent: false,
    immediateDanger: false,
    wishes: { police: 'twijfel', medicalCare: 'ja' },
    contactPreferences: { safeToCall: true, safeToText: false, safeToEmail: false },
    // Fictional: a reserved example name and a number from the Dutch fictional range.
    victimContact: { name: 'Demo Slachtoffer', phone: '+31612300000' },
    receivedAt: now.toISOString(),
    recordedBy: 'demo-hulplijn',
  };
}

function print(state: CaseState): void {
  console.log(
    `${state.reference}  regio ${state.regionId}  fase ${state.phase}  triage ${state.triage.window}${state.outcome ? `  uitkomst ${state.outcome}` : ''}`,
  );
  if (state.fmoOffer) console.log(`  FMO: ${state.fmoOffer}; medische zorg: ${state.medicalBranch ?? '-'}`);
  for (const r of state.openRequests) {
    console.log(
      `  open: ${r.requestId} → ${r.role}/${r.awaitedTier}, niveau ${r.escalationLevel}, uiterlijk ${formatLocal(r.dueBy)}`,
    );
  }
  for (const d of state.decisions) console.log(`  ${formatLocal(d.at)}  ${d.type}: ${d.value} (${d.by})`);
}

async function main(): Promise<void> {
  const [command = 'start', reference, ...rest] = process.argv.slice(2);
  const temporal = await connectTemporalClient(temporalSettings);
  const client = temporal.client;
  try {
    switch (command) {
      case 'start': {
        const result = await startMelding(client, taskQueue, sampleIntake(new Date()), blindIndexKey);
        if (result.status === 'invalid') throw new Error(JSON.stringify(result.problems));
        console.log(`melding ${result.reference}: ${result.status}`);
        if (result.status === 'started')
          console.log(`triage: ${result.triage.window}, FMO door ${result.triage.forensicPartner}`);
        console.log(`Temporal UI: ${uiLink(result.reference)}`);
        console.log(`verder: npm run demo -- state ${result.reference}`);
        break;
      }
      case 'state':
        print(await getCaseState(client, need(reference)));
        break;
      case 'ack':
        print(
          await decide(client, need(reference), {
            type: 'ontvangstbevestiging',
            input: { requestId: need(rest[0], 'requestId'), by: BY },
          }),
        );
        break;
      case 'checkin': {
        const ptss = rest[2] === 'ptss=true' ? true : rest[2] === 'ptss=false' ? false : undefined;
        print(
          await decide(client, need(reference), {
            type: 'checkin',
            input: {
              requestId: need(rest[0], 'requestId'),
              outcome: need(rest[1], 'outcome') as CheckInOutcome,
              by: BY,
              ...(ptss !== undefined ? { ptss } : {}),
            },
          }),
        );
        break;
      }
      case 'police':
        print(
          await decide(client, need(reference), {
            type: 'politiewens',
            input: { wish: need(rest[0], 'wish') as PoliceWish, by: BY },
          }),
        );
        break;
      case 'withdraw':
        print(await decide(client, need(reference), { type: 'intrekking', input: { by: BY } }));
        break;
      case 'transfer':
        print(
          await decide(client, need(reference), {
            type: 'overdracht',
            input: { toRegionId: need(rest[0], 'regionId'), by: BY },
          }),
        );
        break;
      case 'aangifte': {
        const made = need(rest[0], 'ja|nee');
        if (made !== 'ja' && made !== 'nee') throw new Error('aangifte: expected ja or nee');
        print(
          await decide(client, need(reference), { type: 'aangifte', input: { made: made === 'ja', by: BY } }),
        );
        break;
      }
      default:
        throw new Error(
          `unknown command "${command}" (start, state, ack, checkin, police, withdraw, transfer, aangifte)`,
        );
    }
    if (reference) console.log(`Temporal UI: ${uiLink(reference)}`);
  } finally {
    await temporal.close();
  }
}

function need(value: string | undefined, what = 'reference'): string {
  if (!value) throw new Error(`missing ${what}`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof DecisionRejectedError ? `geweigerd: ${error.reason}` : error);
  process.exit(1);
});
