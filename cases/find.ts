/**
 * Finding a case again when the victim calls back without the reference: by phone number, or by
 * name with date of birth. The values are turned into their blind indexes here (cases/blindIndex.ts)
 * and only those go to Temporal, as a visibility query on CsgZoekIndex; what comes back is the
 * reference with its region and phase, nothing of the person. Open and closed cases alike, as long
 * as Temporal keeps them (the namespace's retention).
 *
 * Scoping to the searcher's regions is the caller's (cases/access.ts): it hands its regions in, so
 * the visibility query itself holds only those cases, and every hit carries its regions (its own
 * and the one it was transferred to) for the filter after.
 */
import type { Client } from '@temporalio/client';
import { REGION_ID_PATTERN } from '../domain/vocabulary';
import { CsgOvergedragenNaar, CsgPhase, CsgRegion, CsgZoekIndex } from '../workflows/searchAttributes';
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
  /** The region the case was transferred to, whose staff see it too. */
  transferredTo?: string;
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
 * The visibility condition "in one of these regions": the case's own region, or the region it was
 * transferred to. Undefined regions (a staff member serving all) add nothing. Region ids are
 * checked against their pattern, so nothing needs escaping.
 */
export function regionCondition(regions: readonly string[] | undefined): string | undefined {
  if (regions === undefined) return undefined;
  if (regions.length === 0) throw new Error('regionCondition needs one or more region ids');
  for (const id of regions) {
    if (!REGION_ID_PATTERN.test(id))
      throw new Error(`regionCondition: not a region id: ${JSON.stringify(id)}`);
  }
  const list = regions.map((id) => `'${id}'`).join(', ');
  return `(${CsgRegion.name} IN (${list}) OR ${CsgOvergedragenNaar.name} IN (${list}))`;
}

/** `filter` narrowed to the regions, when given. */
export function inRegions(filter: string, regions: readonly string[] | undefined): string {
  const condition = regionCondition(regions);
  return condition ? `${filter} AND ${condition}` : filter;
}

/**
 * The cases a phone number, or a name with date of birth, is indexed under, newest first; empty
 * when the query holds nothing usable (the API checks the fields first and names the bad one).
 * With `regions`, only cases in (or transferred to) those regions: the cap then counts only them.
 */
export async function findMeldingen(
  client: Pick<Client, 'workflow'>,
  blindIndexKey: Buffer,
  query: FindQuery,
  regions?: readonly string[],
): Promise<FoundMelding[]> {
  const indexes = indexesToFind(blindIndexKey, query);
  if (indexes.length === 0) return [];
  return listNewestFirst(client, inRegions(findFilter(indexes), regions), MAX_FOUND);
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
    const transferredTo = execution.typedSearchAttributes.get(CsgOvergedragenNaar);
    found.push({
      reference: execution.workflowId,
      regionId: execution.typedSearchAttributes.get(CsgRegion) ?? '',
      ...(transferredTo ? { transferredTo } : {}),
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
