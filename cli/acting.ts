/**
 * Who acts at the command line (`--door <id>`, else CSG_STAFF_ID) and through which case client.
 *
 * With STAFF_ROLES set, the command line applies the very rules of the web service: the acting
 * id's role and regions (config/staffRoles.ts) scope every command through cases/access.ts, and an
 * id without a role may do nothing. Without STAFF_ROLES, access to Temporal decides, as before
 * roles existed: the staff commands run unscoped, and only the ops actions (resend, reassign,
 * close) need an id of OPS_STAFF_IDS.
 */
import type { AccessAction, Staff } from '../domain/access';
import { scopedService, type CaseServices, type Forbidden, type ScopedCases } from '../cases/access';
import type { StaffDirectory } from '../config/staffRoles';

/**
 * The case client of the acting id, and how to say a refusal to the person at the terminal.
 * The command line has no search (no blind-index key needed there): finding is a page and an API
 * call; nor the victim's details, which only the correction forms show; linking and reopening are
 * case-page work.
 */
export type CliCases = Omit<
  ScopedCases,
  | 'staff'
  | 'find'
  | 'currentDetails'
  | 'archived'
  | 'links'
  | 'reopen'
  | 'regionOverview'
  | 'worklist'
  | 'worklistOf'
> & {
  /** The refusal in Dutch, naming the acting id and what to do. */
  refusalText(refusal: Forbidden): string;
};

export interface CliRoles {
  /** Set when STAFF_ROLES is: every command is scoped by the acting id's role and regions. */
  staffRoles?: StaffDirectory;
  /** OPS_STAFF_IDS: without STAFF_ROLES, the ids that may take the ops actions. */
  opsStaffIds: ReadonlySet<string>;
}

/** The actions that, without STAFF_ROLES, need an id of OPS_STAFF_IDS. */
const OPS_ACTIONS: readonly AccessAction[] = ['herinnering', 'toewijzing', 'sluiting'];

const forbidden = (action: AccessAction): Forbidden => ({ status: 'forbidden', reason: 'role', action });

function scopedText(staff: Staff) {
  return (refusal: Forbidden) =>
    refusal.reason === 'region'
      ? `Geweigerd: deze gemeente valt buiten de regio's van ${staff.id}`
      : `Geweigerd: ${staff.id} (rol ${staff.role}) mag dit niet; geef je eigen medewerker-id met --door <id>`;
}

export function actingCases(cases: Omit<CaseServices, 'find'>, by: string, roles: CliRoles): CliCases {
  if (roles.staffRoles) {
    const staff = roles.staffRoles.get(by);
    if (staff)
      return { ...scopedService({ ...cases, find: noSearch }, staff), refusalText: scopedText(staff) };
    return nobody(by);
  }
  const ops = roles.opsStaffIds.has(by)
    ? scopedService({ ...cases, find: noSearch }, { id: by, role: 'ops', regions: 'alle' })
    : undefined;
  return {
    may: (action) => !OPS_ACTIONS.includes(action) || ops !== undefined,
    start: (raw) => cases.meldingen.start(raw),
    async state(reference) {
      const state = await cases.meldingen.state(reference);
      return state ? { status: 'ok', state } : { status: 'not_found' };
    },
    async history(reference) {
      const history = await cases.ops.history(reference);
      return history ? { status: 'ok', history } : { status: 'not_found' };
    },
    decide: (reference, decision) => cases.meldingen.decide(reference, decision),
    act: async (reference, action) => (ops ? ops.act(reference, action) : forbidden(action.type)),
    stuck: async (now) => ({ status: 'ok', stuck: await cases.stuck(now) }),
    refusalText: () => `Geweigerd: ${by} heeft geen ops-rol (OPS_STAFF_IDS); geef je ops-id met --door <id>`,
  };
}

const noSearch = async (): Promise<never> => {
  throw new Error('the command line does not search cases');
};

/** An id STAFF_ROLES does not know: it may do nothing. */
function nobody(by: string): CliCases {
  const refused = async () => forbidden('inzien');
  return {
    may: () => false,
    start: refused,
    state: refused,
    history: refused,
    decide: refused,
    act: refused,
    stuck: refused,
    refusalText: () => `Geweigerd: ${by} heeft geen rol (STAFF_ROLES); geef je medewerker-id met --door <id>`,
  };
}
