/**
 * The 16 regional CSGs and the municipalities each one serves.
 *
 * Which CSGs exist: the USBO report for the WODC, "Toekomstbestendig Centrum Seksueel Geweld"
 * (Universiteit Utrecht, 2021), section 3.3: after the pilots in Utrecht and Nijmegen, Limburg
 * (2013), Amsterdam, Twente and Friesland; in 2015 Drenthe, Groningen, Rotterdam and
 * Twente-Achterhoek; in 2016 Amsterdam-Amstelland, Flevoland & Gooi en Vechtstreek, Noord-Holland,
 * Zuid-Holland and Zwolle; in 2017 Brabant-Oost and Zeeland; in 2018 West-Midden Brabant. Its
 * section 4.7 adds that every province has at least one CSG and Zuid-Holland, Noord-Holland,
 * Overijssel and Brabant have two.
 *
 * Which municipalities: the Convenant CSG Limburg 2026 names Limburg's (all Limburg municipalities
 * except Gennep and Mook en Middelaar, which belong to CSG Gelderland-Zuid en -Midden); the Limburg
 * and Gelderland-Zuid en -Midden region files hold their lists (the latter's beyond Gennep and Mook
 * en Middelaar is for the region to confirm). For the other CSGs no public list was at hand, so
 * they are assigned by safety region (regions/municipalities.ts): a safety region goes to the CSG
 * whose name or seat it carries. Two safety regions match no CSG by that rule and stay unassigned
 * until a region confirms them: Noord- en Oost-Gelderland (VR06; the Achterhoek suggests
 * Twente-Achterhoek, the Veluwe the Gelderland CSG) and Zuid-Holland Zuid (VR18; Rotterdam or
 * Zuid-Holland). Nor are Barneveld, Nijkerk and Scherpenzeel assigned: safety region
 * Gelderland-Midden, but not in the Gelderland-Zuid en -Midden file. These municipalities reach
 * the national coordinator (`landelijk`, regions/defaultDirectory.ts); ops find those cases by
 * their region (cases/opsQueries.ts, `zonder_regio`).
 */
import type { VeiligheidsregioCode } from './veiligheidsregios';

export interface CsgRegion {
  id: string;
  name: string;
  /** Where the municipalities come from: the region's own file, or whole safety regions. */
  municipalities: { fromRegionFile: true } | { veiligheidsregios: VeiligheidsregioCode[] };
}

export const CSG_REGIONS: readonly CsgRegion[] = [
  { id: 'groningen', name: 'CSG Groningen', municipalities: { veiligheidsregios: ['VR01'] } },
  { id: 'friesland', name: 'CSG Friesland', municipalities: { veiligheidsregios: ['VR02'] } },
  { id: 'drenthe', name: 'CSG Drenthe', municipalities: { veiligheidsregios: ['VR03'] } },
  // The CSG in Zwolle, the seat of safety region IJsselland.
  { id: 'ijsselland', name: 'CSG IJsselland (Zwolle)', municipalities: { veiligheidsregios: ['VR04'] } },
  { id: 'twente-achterhoek', name: 'CSG Twente-Achterhoek', municipalities: { veiligheidsregios: ['VR05'] } },
  {
    id: 'gelderland-zuid-midden',
    name: 'CSG Gelderland-Zuid en -Midden',
    municipalities: { fromRegionFile: true },
  },
  { id: 'utrecht', name: 'CSG Utrecht', municipalities: { veiligheidsregios: ['VR09'] } },
  // Noord-Holland outside Amsterdam-Amstelland and Gooi en Vechtstreek.
  {
    id: 'noord-holland',
    name: 'CSG Noord-Holland',
    municipalities: { veiligheidsregios: ['VR10', 'VR11', 'VR12'] },
  },
  {
    id: 'amsterdam-amstelland',
    name: 'CSG Amsterdam-Amstelland',
    municipalities: { veiligheidsregios: ['VR13'] },
  },
  {
    id: 'flevoland-gooi-vechtstreek',
    name: 'CSG Flevoland & Gooi en Vechtstreek',
    municipalities: { veiligheidsregios: ['VR25', 'VR14'] },
  },
  // Zuid-Holland's second CSG beside Rotterdam: Haaglanden and Hollands Midden.
  { id: 'zuid-holland', name: 'CSG Zuid-Holland', municipalities: { veiligheidsregios: ['VR15', 'VR16'] } },
  { id: 'rotterdam', name: 'CSG Rotterdam', municipalities: { veiligheidsregios: ['VR17'] } },
  { id: 'zeeland', name: 'CSG Zeeland', municipalities: { veiligheidsregios: ['VR19'] } },
  {
    id: 'west-midden-brabant',
    name: 'CSG West- en Midden-Brabant',
    municipalities: { veiligheidsregios: ['VR20'] },
  },
  { id: 'brabant-oost', name: 'CSG Brabant-Oost', municipalities: { veiligheidsregios: ['VR21', 'VR22'] } },
  { id: 'limburg', name: 'CSG Limburg', municipalities: { fromRegionFile: true } },
];

/** Safety regions no CSG is assigned yet (see above): their municipalities go to `landelijk`. */
export const UNASSIGNED_VEILIGHEIDSREGIOS: readonly VeiligheidsregioCode[] = ['VR06', 'VR18'];
