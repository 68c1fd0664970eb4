/**
 * The 25 Dutch safety regions (veiligheidsregio's), the building blocks the CSG regions are made
 * of where no source names a centre's municipalities (regions/csgRegions.ts). Source and date as
 * for the municipality list (regions/municipalities.ts): CBS, as published with the corona
 * dashboard's code, version of 12 July 2023.
 */
/** The 25 safety regions (CBS codes VR01-VR25), the building blocks of the CSG regions. */
export const VEILIGHEIDSREGIOS = {
  VR01: 'Groningen',
  VR02: 'Fryslân',
  VR03: 'Drenthe',
  VR04: 'IJsselland',
  VR05: 'Twente',
  VR06: 'Noord- en Oost-Gelderland',
  VR07: 'Gelderland-Midden',
  VR08: 'Gelderland-Zuid',
  VR09: 'Utrecht',
  VR10: 'Noord-Holland Noord',
  VR11: 'Zaanstreek-Waterland',
  VR12: 'Kennemerland',
  VR13: 'Amsterdam-Amstelland',
  VR14: 'Gooi en Vechtstreek',
  VR15: 'Haaglanden',
  VR16: 'Hollands Midden',
  VR17: 'Rotterdam-Rijnmond',
  VR18: 'Zuid-Holland Zuid',
  VR19: 'Zeeland',
  VR20: 'Midden- en West-Brabant',
  VR21: 'Brabant-Noord',
  VR22: 'Brabant-Zuidoost',
  VR23: 'Limburg-Noord',
  VR24: 'Zuid-Limburg',
  VR25: 'Flevoland',
} as const;

export type VeiligheidsregioCode = keyof typeof VEILIGHEIDSREGIOS;
