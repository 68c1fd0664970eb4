/**
 * CSG Gelderland-Zuid en -Midden (penvoerder Nijmegen). Example region: its municipality list
 * includes Gennep and Mook en Middelaar (Limburg municipalities served from Nijmegen), and it
 * uses the 6-month follow-up one region runs. Addresses and numbers are examples.
 */
import { DEFAULT_PATHWAY, SIX_MONTH_CHECK_INS, weekdays } from './defaults';

export const gelderlandZuidMidden = {
  id: 'gelderland-zuid-midden',
  name: 'CSG Gelderland-Zuid en -Midden',
  municipalities: [
    'Gennep',
    'Mook en Middelaar',
    'Nijmegen',
    'Arnhem',
    'Berg en Dal',
    'Beuningen',
    'Buren',
    'Culemborg',
    'Doesburg',
    'Druten',
    'Duiven',
    'Ede',
    'Heumen',
    'Lingewaard',
    'Maasdriel',
    'Neder-Betuwe',
    'Overbetuwe',
    'Renkum',
    'Rheden',
    'Rozendaal',
    'Tiel',
    'Wageningen',
    'West Betuwe',
    'West Maas en Waal',
    'Westervoort',
    'Wijchen',
    'Zaltbommel',
    'Zevenaar',
  ],
  pathway: { ...DEFAULT_PATHWAY, checkIns: SIX_MONTH_CHECK_INS },
  coordinator: {
    name: 'Coördinator CSG Gelderland-Zuid en -Midden',
    email: 'coordinator@csg-gzm.example',
    sms: '+31612350001',
  },
  // The named casemanagers, by the staff id they log in with: the cases they own go to them first.
  casemanagers: {
    'cm-017': { name: 'Casemanager 017 (voorbeeld)', email: 'cm-017@csg-gzm.example', sms: '+31612350061' },
  },
  partners: {
    casemanager: {
      organisation: 'CSG Gelderland-Zuid en -Midden casemanagement',
      primary: { name: 'Piket casemanager', email: 'piket@csg-gzm.example', sms: '+31612350010' },
      backup: { name: 'Achterwacht casemanager', email: 'achterwacht@csg-gzm.example', sms: '+31612350011' },
      workingHours: '24/7 (piketdienst)',
    },
    zedenpolitie: {
      organisation: 'Politie Eenheid Oost-Nederland, Team Zeden',
      primary: { name: 'Team Zeden', email: 'zeden@politie-on.example', sms: '+31612350020' },
    },
    forensische_opsporing: {
      organisation: 'Politie Eenheid Oost-Nederland, Forensische Opsporing',
      primary: { name: 'Forensische Opsporing', email: 'fo@politie-on.example' },
    },
    forensisch_arts: {
      organisation: 'GGD Gelderland-Zuid, forensische geneeskunde',
      primary: {
        name: 'Dienstdoende forensisch arts',
        email: 'forensisch-arts@ggdgz.example',
        sms: '+31612350030',
      },
    },
    nfi: {
      organisation: 'Nederlands Forensisch Instituut',
      primary: { name: 'NFI forensisch-medisch onderzoek', email: 'fmo@nfi.example', sms: '+31612340040' },
    },
    acute_medische_zorg: {
      organisation: 'Radboudumc, Spoedeisende Hulp',
      primary: { name: 'SEH Radboudumc', email: 'seh@radboudumc.example', sms: '+31612350050' },
    },
    medische_zorg_na_72_uur: {
      organisation: 'GGD Gelderland-Zuid, seksuele gezondheid',
      primary: { name: 'Centrum seksuele gezondheid', email: 'seksuele-gezondheid@ggdgz.example' },
      workingHours: 'ma-vr 8-17',
    },
    ggz: {
      organisation: 'GGZ-partner CSG Gelderland-Zuid en -Midden (voorbeeld)',
      primary: { name: 'Aanmelding traumabehandeling', email: 'aanmelding@ggz-gzm.example' },
      workingHours: 'ma-vr 9-17',
    },
    // The second ring (docs/regions.md): asked by the casemanager, each with the victim's consent.
    // The region names no kinderarts: a request for one is refused.
    slachtofferhulp: {
      organisation: 'Slachtofferhulp Nederland',
      primary: { name: 'Slachtofferhulp regio Oost-Nederland', email: 'oost@slachtofferhulp.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    veilig_thuis: {
      organisation: 'Veilig Thuis Gelderland-Zuid',
      primary: { name: 'Consultatie Veilig Thuis Gelderland-Zuid', email: 'consult@veiligthuis-gz.example' },
      workingHours: 'ma-vr 9-17 (consultatie; crisisdienst 24/7 via 0800-2000)',
      officeHours: weekdays('09:00-17:00'),
    },
    slachtofferadvocaat: {
      organisation: 'Langsz slachtofferadvocaten Gelderland (voorbeeld)',
      primary: { name: 'Aanmelding slachtofferadvocaat', email: 'aanmelding@langsz-gelderland.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    online_hulp: {
      organisation: 'Fier, chat en online hulp',
      primary: { name: 'Fier online hulp', email: 'online@fier.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
  },
};
