/**
 * The case client as one signed-in staff member may use it: the rules of domain/access.ts applied
 * to real cases, in one place, for the web pages, the JSON API and the command line alike.
 *
 *   const scoped = scopedService({ meldingen, ops, stuck }, staff);
 *   const read = await scoped.state(reference);   // { status: 'ok', state } | not_found | forbidden
 *   const done = await scoped.decide(reference, { type: 'toestemming', input: { role, given, by } });
 *
 * Every method answers in outcomes, like the case client itself:
 * - `{ status: 'forbidden', reason: 'role' }`: the role may not take this action (`may`); nothing
 *   was asked of the case, nothing changed. Answer 403.
 * - `{ status: 'forbidden', reason: 'region' }`: only from `start`: the municipality lies outside
 *   the staff member's regions; nothing started. Answer 403.
 * - `{ status: 'not_found' }`: no such case, or a case outside the staff member's regions: the
 *   two are indistinguishable on purpose, so an account never learns that a case elsewhere exists.
 *   Answer 404. A case transferred to another region lies in both: its own region's staff keep
 *   sight of it, the receiving region's staff see and take it over (`regionsOfCase`).
 * - anything else: the case client's own outcome (ok, rejected, invalid, ...).
 *
 * A case Temporal no longer holds (deleted after the namespace retention) is read from the case
 * file (`caseFile`) when one is given: only on "not found", never on another error (a Temporal
 * that does not answer is not an archived case). Its state is the file's last; the same role and
 * region rules apply to it; it is closed, so nothing is decided or done on it (`not_found`).
 *
 * The role is checked before the case is looked at (it does not depend on the case), the region
 * before anything is sent to it. Starts, decisions and ops actions are recorded as the staff
 * member (`recordedBy` and `by` are always `staff.id`, whatever the caller put there).
 */
import { decisionAction, may, servesRegion, type AccessAction, type Staff } from '../domain/access';
import type { Decision } from '../domain/decisions';
import type { SharedDetails } from '../domain/types';
import { regionForMunicipality } from '../regions';
import type { CaseState } from '../workflows/messages';
import type { HistoryEntry } from '../workflows/opsMessages';
import type { DecisionOutcome, MeldingService, StartOutcome } from './meldingService';
import type { OpsAction, OpsOutcome, OpsService } from './opsService';
import type { FindQuery, FoundMelding } from './find';
import type { StuckRequest } from './stuck';
import type { ReopenReason } from '../domain/koppeling';
import type { KoppelingService, LinkedMelding, ReopenOutcome, ReopenWindow } from './koppeling';
import { linkedToOf, type DecideOptions } from './meldingClient';
import type { RegionOverview, RegionOverviewSource } from './regionOverview';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { buildWorklist, type OwnedCases, type Worklist } from './worklist';
import type { CaseFromFile, FileDetails, FileEntry } from './caseFromFile';

export type { Staff } from '../domain/access';

/** The unscoped case client the scoped one wraps. */
export interface CaseServices {
  meldingen: MeldingService;
  ops: OpsService;
  /**
   * Every request past its deadline, in every region, or with `regions` in (or transferred to)
   * those only (e.g. `(now, regions) => listStuck(client, now, regions)`).
   */
  stuck: (now: Date, regions?: readonly string[]) => Promise<StuckRequest[]>;
  /**
   * Cases found again by the blind index, in every region, or with `regions` in (or transferred
   * to) those only (e.g. `(q, regions) => findMeldingen(client, key, q, regions)`).
   */
  find: (query: FindQuery, regions?: readonly string[]) => Promise<FoundMelding[]>;
  /**
   * The running cases a casemanager owns, capped, in every region, or with `regions` in (or
   * transferred to) those only (e.g. `(id, regions) => listOwned(client, id, regions)`); front
   * ends without a worklist (the CLI) leave it out.
   */
  owned?: (staffId: string, regions?: readonly string[]) => Promise<OwnedCases>;
  /** Links between meldingen of the same person and reopening; front ends without them (the CLI) leave it out. */
  koppelingen?: KoppelingService;
  /** A region's figures (cases/regionOverview.ts); front ends without the overview leave it out. */
  regionOverview?: RegionOverviewSource;
  /**
   * A case as its case file holds it, for a case Temporal no longer has (cases/caseFromFile.ts);
   * front ends without the case file leave it out, and such a case is not found.
   */
  caseFile?: (reference: string) => Promise<CaseFromFile | undefined>;
}

/** What the case file holds of an archived case beyond its state, as this staff member may see it. */
export interface ArchivedCase {
  /** When the file was last written: the case is shown as of then. */
  writtenAt: string;
  timeline: FileEntry[];
  /** The victim's details: only for a role that may see and correct them on a live case. Personal. */
  details?: FileDetails;
}

export interface Forbidden {
  status: 'forbidden';
  reason: 'role' | 'region';
  action: AccessAction;
}
export interface WorklistInvalid {
  status: 'invalid';
  problems: Array<{ field: string; message: string }>;
}
export interface NotFound {
  status: 'not_found';
}

export interface ScopedCases {
  readonly staff: Staff;
  /** May this staff member's role take this action (e.g. to show or hide a button)? */
  may(action: AccessAction): boolean;
  /** Starts a melding; forbidden for a role that may not start or a municipality outside the regions. */
  start(raw: Record<string, unknown>): Promise<StartOutcome | Forbidden>;
  /** The case's state (no personal data); `archivedAt` when read from the case file, as of then. */
  state(
    reference: string,
  ): Promise<{ status: 'ok'; state: CaseState; archivedAt?: string } | NotFound | Forbidden>;
  /** The case file's timeline and details of a case Temporal no longer holds; not found for a live one. */
  archived(reference: string): Promise<{ status: 'ok'; archived: ArchivedCase } | NotFound | Forbidden>;
  /** Who decided what, when (codes and ids only). */
  history(reference: string): Promise<{ status: 'ok'; history: HistoryEntry[] } | NotFound | Forbidden>;
  /**
   * The victim's details as the CSG's own handover shows them (the CSG sees all), for the
   * correction forms: only to a role that may correct them. Personal: shown, never logged.
   */
  currentDetails(reference: string): Promise<{ status: 'ok'; details: SharedDetails } | NotFound | Forbidden>;
  /** A decision of the decision table, recorded as this staff member (`updateId`: see meldingClient). */
  decide(
    reference: string,
    decision: Decision,
    options?: DecideOptions,
  ): Promise<DecisionOutcome | Forbidden>;
  /** An ops action (herinnering, toewijzing, sluiting), recorded as this staff member. */
  act(reference: string, action: OpsAction): Promise<OpsOutcome | Forbidden>;
  /** The requests past their deadline in the staff member's regions. */
  stuck(now: Date): Promise<{ status: 'ok'; stuck: StuckRequest[] } | Forbidden>;
  /**
   * The casemanager's worklist: the running cases they own, in their regions, by the next due
   * contact (cases/worklist.ts).
   */
  worklist(now: Date): Promise<{ status: 'ok'; worklist: Worklist } | Forbidden>;
  /**
   * Another casemanager's worklist, for their coordinator: only the cases in the coordinator's
   * regions. Invalid (naming the field) for something that is not a staff id.
   */
  worklistOf(
    casemanager: string,
    now: Date,
  ): Promise<{ status: 'ok'; worklist: Worklist } | Forbidden | WorklistInvalid>;
  /** Cases found by phone, or name with date of birth, in the staff member's regions only. */
  find(query: FindQuery): Promise<{ status: 'ok'; found: FoundMelding[] } | Forbidden>;
  /**
   * The meldingen linked to this one: the earlier ones it names and the later ones that name it,
   * each only when it lies in the staff member's regions; and the reopening window once it closed.
   */
  links(reference: string, now: Date): Promise<{ status: 'ok'; links: CaseLinks } | NotFound | Forbidden>;
  /** Reopens a closed case as a new linked melding, recorded as this staff member. */
  reopen(reference: string, reason: ReopenReason, now: Date): Promise<ReopenOutcome | NotFound | Forbidden>;
  /** A region's figures: only for a role with the overview, and a region it serves (else not found). */
  regionOverview(
    regionId: string,
    now: Date,
  ): Promise<{ status: 'ok'; overview: RegionOverview } | NotFound | Forbidden>;
}

/** The links of one case as the staff member may see them (see `ScopedCases.links`). */
export interface CaseLinks {
  /** Earlier meldingen this one names, that the staff member may see. */
  linkedTo: string[];
  reopenedFrom?: string;
  /** Later meldingen that name this one, in the staff member's regions. */
  later: LinkedMelding[];
  reopenWindow?: ReopenWindow;
}

const NOT_FOUND: NotFound = { status: 'not_found' };

/** The regions a case lies in: its own, and the region it was transferred to once it was. */
export function regionsOfCase(c: { regionId: string; transferredTo?: string }): string[] {
  return c.transferredTo && c.transferredTo !== c.regionId ? [c.regionId, c.transferredTo] : [c.regionId];
}

/** Does the staff member serve one of the case's regions? */
export function servesCase(staff: Staff, c: { regionId: string; transferredTo?: string }): boolean {
  return regionsOfCase(c).some((regionId) => servesRegion(staff, regionId));
}

/** A reference to link that does not exist or lies outside the staff member's regions: the same answer. */
function unknownLink(reference: string, field = 'reference'): { field: string; message: string } {
  return { field, message: `no melding ${reference} that you may see` };
}

/**
 * The case state as this staff member reads it: the notes of the contacts (how the victim is
 * doing) only for those who record contacts themselves, the region's casemanagers and
 * coordinators; ops and the helpline see that a contact happened, not what was said.
 */
export function stateFor(staff: Staff, state: CaseState): CaseState {
  if (!state.contacts || may(staff, decisionAction('contactmoment'))) return state;
  return { ...state, contacts: state.contacts.map(({ note: _withheld, ...contact }) => contact) };
}

export function scopedService(cases: CaseServices, staff: Staff): ScopedCases {
  const refused = (action: AccessAction, reason: Forbidden['reason'] = 'role'): Forbidden => ({
    status: 'forbidden',
    reason,
    action,
  });

  /**
   * The staff member's regions for a visibility query, so a capped list holds only their cases;
   * undefined for one serving all regions. What comes back is filtered again all the same.
   */
  const scope = staff.regions === 'alle' ? undefined : staff.regions;

  /**
   * Each case's state as read, for this scoped service's life: one request's. A case page asks
   * for the state, the current details and the links, each checking the region: one state query
   * serves them all. Forgotten after every write, so what follows a decision reads it afresh.
   */
  const read = new Map<string, Promise<CaseState | undefined>>();
  /** The cases of this request read from the case file, by reference. */
  const fromFile = new Map<string, CaseFromFile>();
  const forget = () => read.clear();

  /** The live case's state, or else the case file's (recorded in `fromFile`). */
  async function stateOf(reference: string): Promise<CaseState | undefined> {
    const live = await cases.meldingen.state(reference);
    if (live || !cases.caseFile) return live;
    const filed = await cases.caseFile(reference);
    if (filed) fromFile.set(reference, filed);
    return filed?.state;
  }

  /** The case's state when it exists and lies in (or was transferred to) the staff member's regions. */
  function visible(reference: string): Promise<CaseState | undefined> {
    let state = read.get(reference);
    if (!state) {
      state = stateOf(reference).then((s) => (s && servesCase(staff, s) ? stateFor(staff, s) : undefined));
      read.set(reference, state);
      // A failed read is not kept: the next ask tries again.
      state.catch(() => read.delete(reference));
    }
    return state;
  }

  /**
   * The running cases `owner` owns, in the staff member's regions: rows from the memos checked like
   * states, a case without a row read through `visible`.
   */
  async function worklistOwnedBy(owner: string, now: Date): Promise<Worklist> {
    const owned = (await cases.owned?.(owner, scope)) ?? { references: [], capped: false };
    return buildWorklist(owned, visible, now, (row) => servesCase(staff, row));
  }

  return {
    staff,
    may: (action) => may(staff, action),

    async start(raw) {
      if (!may(staff, 'starten')) return refused('starten');
      // An unknown municipality is the intake's own problem (invalid), named by the schema.
      const region =
        typeof raw.municipality === 'string' ? regionForMunicipality(raw.municipality) : undefined;
      if (region && !servesRegion(staff, region.id)) return refused('starten', 'region');
      const linked = linkedToOf(raw);
      if ('linkedTo' in linked) {
        for (const reference of linked.linkedTo) {
          if (!(await visible(reference)))
            return { status: 'invalid', problems: [unknownLink(reference, 'linkedTo')] };
        }
      }
      return cases.meldingen.start({ ...raw, recordedBy: staff.id });
    },

    async state(reference) {
      if (!may(staff, 'inzien')) return refused('inzien');
      const state = await visible(reference);
      if (!state) return NOT_FOUND;
      const filed = fromFile.get(reference);
      return filed ? { status: 'ok', state, archivedAt: filed.writtenAt } : { status: 'ok', state };
    },

    async archived(reference) {
      if (!may(staff, 'inzien')) return refused('inzien');
      const filed = (await visible(reference)) ? fromFile.get(reference) : undefined;
      if (!filed) return NOT_FOUND;
      const mayDetails = may(staff, decisionAction('contactgegevens'));
      const { writtenAt, timeline, details } = filed;
      return {
        status: 'ok',
        archived: { writtenAt, timeline, ...(mayDetails && details ? { details } : {}) },
      };
    },

    async history(reference) {
      if (!may(staff, 'inzien')) return refused('inzien');
      if (!(await visible(reference))) return NOT_FOUND;
      const history = await cases.ops.history(reference);
      return history ? { status: 'ok', history } : NOT_FOUND;
    },

    async currentDetails(reference) {
      const action = decisionAction('contactgegevens');
      if (!may(staff, action)) return refused(action);
      if (!(await visible(reference)) || fromFile.has(reference)) return NOT_FOUND;
      const details = await cases.meldingen.handoverDetails(reference, 'casemanager_overdracht');
      return details ? { status: 'ok', details } : NOT_FOUND;
    },

    async decide(reference, decision, options) {
      const action = decisionAction(decision.type);
      if (!may(staff, action)) return refused(action);
      if (!(await visible(reference)) || fromFile.has(reference)) return NOT_FOUND;
      // Only a melding this staff member may see can be linked; an unseen one reads as unknown.
      if (decision.type === 'koppeling' && !(await visible(decision.input.reference))) {
        return { status: 'rejected', problems: [unknownLink(decision.input.reference)] };
      }
      const outcome = await cases.meldingen.decide(
        reference,
        { ...decision, input: { ...decision.input, by: staff.id } } as Decision,
        options,
      );
      forget();
      return outcome.status === 'ok' ? { ...outcome, state: stateFor(staff, outcome.state) } : outcome;
    },

    async act(reference, action) {
      if (!may(staff, action.type)) return refused(action.type);
      if (!(await visible(reference)) || fromFile.has(reference)) return NOT_FOUND;
      const outcome = await cases.ops.act(reference, {
        ...action,
        input: { ...action.input, by: staff.id },
      } as OpsAction);
      forget();
      return outcome;
    },

    async stuck(now) {
      if (!may(staff, 'ops_overzicht')) return refused('ops_overzicht');
      const all = await cases.stuck(now, scope);
      return { status: 'ok', stuck: all.filter((s) => servesCase(staff, s)) };
    },

    async find(query) {
      if (!may(staff, 'zoeken')) return refused('zoeken');
      const found = await cases.find(query, scope);
      return { status: 'ok', found: found.filter((m) => servesCase(staff, m)) };
    },

    async worklist(now) {
      if (!may(staff, 'werklijst')) return refused('werklijst');
      return { status: 'ok', worklist: await worklistOwnedBy(staff.id, now) };
    },

    async worklistOf(casemanager, now) {
      if (!may(staff, 'werklijst_collega')) return refused('werklijst_collega');
      if (!STAFF_ID_PATTERN.test(casemanager)) {
        return { status: 'invalid', problems: [{ field: 'casemanager', message: 'expected a staff id' }] };
      }
      return { status: 'ok', worklist: await worklistOwnedBy(casemanager, now) };
    },

    async links(reference, now) {
      if (!may(staff, 'inzien')) return refused('inzien');
      const state = await visible(reference);
      if (!state) return NOT_FOUND;
      const named = state.linkedTo ?? [];
      const seen = await Promise.all(named.map(async (r) => ((await visible(r)) ? r : undefined)));
      const later = (await cases.koppelingen?.linkedLater(reference, scope)) ?? [];
      const window = await cases.koppelingen?.reopenWindow(reference, now);
      const reopenedFrom = state.reopening?.from;
      return {
        status: 'ok',
        links: {
          linkedTo: seen.filter((r): r is string => r !== undefined),
          ...(reopenedFrom && seen.includes(reopenedFrom) ? { reopenedFrom } : {}),
          later: later.filter((m) => servesCase(staff, m)),
          ...(window ? { reopenWindow: window } : {}),
        },
      };
    },

    async reopen(reference, reason, now) {
      if (!may(staff, 'heropenen')) return refused('heropenen');
      if (!cases.koppelingen || !(await visible(reference))) return NOT_FOUND;
      const outcome = await cases.koppelingen.reopen(reference, { reason, by: staff.id, now });
      forget();
      return outcome;
    },

    async regionOverview(regionId, now) {
      if (!may(staff, 'regio_overzicht')) return refused('regio_overzicht');
      // A region not served reads like an unknown one, as a case elsewhere does.
      if (!cases.regionOverview || !servesRegion(staff, regionId)) return NOT_FOUND;
      return { status: 'ok', overview: await cases.regionOverview(regionId, now) };
    },
  };
}
