/**
 * The directory of a region that has not filled in its partners yet: every partner request goes to
 * the region's coordinator, with the national line as backup, so a case there still runs its whole
 * pathway and reaches a person. The contact details are placeholders at a reserved domain, marked
 * "in te vullen"; docs/regions.md says how a region replaces them with its own file.
 */
import { isOneOf, PARTNER_ROLES, SECOND_RING_ROLES, type PartnerRole } from '../domain/vocabulary';
import { DEFAULT_PATHWAY } from './defaults';

/** The national line 0800-0188 (domain brief, section 5): the desk behind it, as a placeholder. */
export const NATIONAL_LINE = {
  name: 'Landelijk nummer CSG 0800-0188 (in te vullen)',
  email: 'landelijk@csg-landelijk.example',
};

export const NATIONAL_COORDINATOR_REGION_ID = 'landelijk';

/** A region config with the default directory; `municipalities` as the caller assigned them. */
export function defaultRegion(
  id: string,
  name: string,
  municipalities: string[],
  coordinator = { name: `Coördinator ${name} (in te vullen)`, email: `coordinator@${id}.csg.example` },
) {
  const partners: Partial<Record<PartnerRole, unknown>> = {};
  for (const role of PARTNER_ROLES) {
    // The second ring is asked by hand, and only where the region named the partner: a region
    // without its own directory names none (asking its coordinator to play Veilig Thuis helps nobody).
    if (role === 'coordinator' || isOneOf(SECOND_RING_ROLES, role)) continue;
    partners[role] = {
      organisation: `${name}: coördinator (partner nog niet ingevuld)`,
      primary: coordinator,
      backup: NATIONAL_LINE,
      workingHours: '24/7',
    };
  }
  return { id, name, municipalities, pathway: { ...DEFAULT_PATHWAY }, coordinator, partners };
}

/**
 * The national coordinator: the region of a municipality no CSG region holds yet. Its cases are
 * the ones ops assign by hand (their region is `landelijk`), so no victim is refused meanwhile.
 */
export function nationalCoordinatorRegion(municipalities: string[]) {
  return defaultRegion(NATIONAL_COORDINATOR_REGION_ID, 'Landelijk CSG (nog geen regio)', municipalities, {
    name: 'Landelijk coördinator CSG (in te vullen)',
    email: 'coordinator@csg-landelijk.example',
  });
}
