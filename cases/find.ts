/**
 * Finding a case again when the victim calls back without the reference: by phone number, or by
 * name with date of birth. The values are turned into their blind indexes here (cases/blindIndex.ts)
 * and only those go to Temporal, as a visibility query on CsgZoekIndex; what comes back is the
 * reference with its region and phase, nothing of the person. Open and closed cases alike, as long
 * as Temporal keeps them (the namespace's retention).
 *
 * Scoping to the searcher's regions is the caller's: every hit carries its region for that filter.
 */
import type { Client } from '@temporalio/client';
import { CsgPhase, CsgRegion, CsgZoekIndex } from '../workflows/searchAttributes';
import { nameAndBirthBlindIndex, phoneBlindIndex } from './blindIndex';
import { MELDING_WORKFLOW_TYPE } from './meldingClient';

/** What staff may search by; each field as they typed it (normalised here). */
export interface FindQuery {
  phone?: string;
  name?: string;
  dateOfBirth?: string;
}

export interface FoundMelding {
  reference: string;
  regionId: string;
  phase: string;
  /** Still running; a closed case can be found until retention removes it. */
  open: boolean;
}

/** More hits than this for one person is a data problem, not a list to read through. */
export const MAX_FOUND = 50;

/** The blind indexes a query searches for: the phone's, and the name's with the date of birth. */
export function indexesToFind(blindIndexKey: Buffer, query: FindQuery): string[] {
  const indexes = [
    query.phone === undefined ? undefined : phoneBlindIndex(blindIndexKey, query.phone),
    query.name === undefined || query.dateOfBirth === undefined
      ? undefined
      : nameAndBirthBlindIndex(blindIndexKey, query.name, query.dateOfBirth),
  ];
  return indexes.filter((i): i is string => i !== undefined);
}

/** The visibility filter: cases indexed under any of the given blind indexes (hex: nothing to escape). */
export function findFilter(indexes: readonly string[]): string {
  if (indexes.length === 0 || !indexes.every((i) => /^[0-9a-f]+$/.test(i))) {
    throw new Error('findFilter needs one or more hex blind indexes');
  }
  const any = indexes.map((i) => `${CsgZoekIndex.name} = '${i}'`).join(' OR ');
  return `WorkflowType = '${MELDING_WORKFLOW_TYPE}' AND (${any})`;
}

/**
 * The cases a phone number, or a name with date of birth, is indexed under, newest first; empty
 * when the query holds nothing usable (the API checks the fields first and names the bad one).
 */
export async function findMeldingen(
  client: Pick<Client, 'workflow'>,
  blindIndexKey: Buffer,
  query: FindQuery,
): Promise<FoundMelding[]> {
  const indexes = indexesToFind(blindIndexKey, query);
  if (indexes.length === 0) return [];
  return listNewestFirst(client, findFilter(indexes), MAX_FOUND);
}

/**
 * The meldingen a visibility filter finds, newest first, at most `max`: reference, region, phase
 * and whether it still runs; nothing else is read (search attributes hold no personal data).
 */
export async function listNewestFirst(
  client: Pick<Client, 'workflow'>,
  query: string,
  max: number,
): Promise<FoundMelding[]> {
  const found: Array<FoundMelding & { startedAt: number }> = [];
  for await (const execution of client.workflow.list({ query, pageSize: max })) {
    found.push({
      reference: execution.workflowId,
      regionId: execution.typedSearchAttributes.get(CsgRegion) ?? '',
      phase: execution.typedSearchAttributes.get(CsgPhase) ?? '',
      open: execution.status.name === 'RUNNING',
      startedAt: execution.startTime.getTime(),
    });
    if (found.length >= max) break;
  }
  return found
    .sort((a, b) => b.startedAt - a.startedAt)
    .map(({ startedAt: _startedAt, ...melding }) => melding);
}
