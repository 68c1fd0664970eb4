/**
 * CSG Limburg, after the Convenant Centrum Seksueel Geweld Limburg 2026 (domain brief, 2.12).
 * Partner organisations are the convenant's; every address and number is an example at a reserved
 * domain or a fictional number, to be replaced by the region's real directory.
 */
import { DEFAULT_PATHWAY, weekdays } from './defaults';

export const limburg = {
  id: 'limburg',
  name: 'CSG Limburg',
  // All Limburg municipalities except Gennep and Mook en Middelaar (CSG Gelderland-Zuid en -Midden).
  municipalities: [
    'Beek',
    'Beekdaelen',
    'Beesel',
    'Bergen (L.)',
    'Brunssum',
    'Echt-Susteren',
    'Eijsden-Margraten',
    'Gulpen-Wittem',
    'Heerlen',
    'Horst aan de Maas',
    'Kerkrade',
    'Landgraaf',
    'Leudal',
    'Maasgouw',
    'Maastricht',
    'Meerssen',
    'Nederweert',
    'Peel en Maas',
    'Roerdalen',
    'Roermond',
    'Simpelveld',
    'Sittard-Geleen',
    'Stein',
    'Vaals',
    'Valkenburg aan de Geul',
    'Venlo',
    'Venray',
    'Voerendaal',
    'Weert',
  ],
  pathway: { ...DEFAULT_PATHWAY },
  coordinator: {
    name: 'Coördinator CSG Limburg',
    email: 'coordinator@csg-limburg.example',
    sms: '+31612340001',
  },
  // The named casemanagers, by the staff id they log in with: the cases they own go to them first.
  casemanagers: {
    'cm-lim': {
      name: 'Casemanager Limburg (voorbeeld)',
      email: 'cm-lim@csg-limburg.example',
      sms: '+31612340060',
    },
    'cm-017': {
      name: 'Casemanager 017 (voorbeeld)',
      email: 'cm-017@csg-limburg.example',
      sms: '+31612340061',
    },
  },
  partners: {
    casemanager: {
      organisation: 'CSG Limburg casemanagement',
      primary: { name: 'Piket casemanager', email: 'piket@csg-limburg.example', sms: '+31612340010' },
      backup: {
        name: 'Achterwacht casemanager',
        email: 'achterwacht@csg-limburg.example',
        sms: '+31612340011',
      },
      workingHours: '24/7 (piketdienst)',
    },
    zedenpolitie: {
      organisation: 'Politie Eenheid Limburg, Team Zeden',
      primary: { name: 'Team Zeden', email: 'zeden@politie-limburg.example', sms: '+31612340020' },
      workingHours: '24/7',
    },
    forensische_opsporing: {
      organisation: 'Politie Eenheid Limburg, Forensische Opsporing',
      primary: { name: 'Forensische Opsporing', email: 'fo@politie-limburg.example', sms: '+31612340021' },
      workingHours: '24/7',
    },
    forensisch_arts: {
      organisation: 'GGD Zuid-Limburg, forensische geneeskunde',
      primary: {
        name: 'Dienstdoende forensisch arts',
        email: 'forensisch-arts@ggdzl.example',
        sms: '+31612340030',
      },
      backup: {
        name: 'Forensisch arts GGD Limburg-Noord',
        email: 'forensisch-arts@ggdln.example',
        sms: '+31612340031',
      },
      workingHours: '24/7',
    },
    nfi: {
      organisation: 'Nederlands Forensisch Instituut',
      primary: { name: 'NFI forensisch-medisch onderzoek', email: 'fmo@nfi.example', sms: '+31612340040' },
      workingHours: '24/7',
    },
    acute_medische_zorg: {
      organisation: 'Maastricht UMC+, Spoedeisende Hulp',
      primary: { name: 'SEH Maastricht UMC+', email: 'seh@mumc.example', sms: '+31612340050' },
      workingHours: '24/7',
    },
    medische_zorg_na_72_uur: {
      organisation: 'Maastricht UMC+, polikliniek gynaecologie',
      primary: { name: 'Polikliniek gynaecologie', email: 'gynaecologie@mumc.example' },
      workingHours: 'ma-vr 8-17',
      officeHours: weekdays('08:00-17:00'),
    },
    ggz: {
      organisation: 'GGZ-partner CSG Limburg (voorbeeld)',
      primary: { name: 'Aanmelding traumabehandeling', email: 'aanmelding@ggz-limburg.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    slachtofferhulp: {
      organisation: 'Slachtofferhulp Nederland',
      primary: { name: 'Slachtofferhulp regio Limburg', email: 'limburg@slachtofferhulp.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    // The second ring (docs/regions.md): asked by the casemanager, each with the victim's consent.
    // Limburg has two Veilig Thuis organisations; the one of Noord- en Midden-Limburg is the backup.
    veilig_thuis: {
      organisation: 'Veilig Thuis Zuid-Limburg',
      primary: { name: 'Consultatie Veilig Thuis Zuid-Limburg', email: 'consult@veiligthuis-zl.example' },
      backup: {
        name: 'Consultatie Veilig Thuis Noord- en Midden-Limburg',
        email: 'consult@veiligthuis-nml.example',
      },
      workingHours: 'ma-vr 9-17 (consultatie; crisisdienst 24/7 via 0800-2000)',
      officeHours: weekdays('09:00-17:00'),
    },
    slachtofferadvocaat: {
      organisation: 'Langsz slachtofferadvocaten Limburg (voorbeeld)',
      primary: { name: 'Aanmelding slachtofferadvocaat', email: 'aanmelding@langsz-limburg.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    wijkteam: {
      organisation: 'Wijkteams Limburgse gemeenten (voorbeeld)',
      primary: { name: 'Centrale aanmelding wijkteams', email: 'aanmelding@wijkteams-limburg.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    online_hulp: {
      organisation: 'Helpwanted (EOKM)',
      primary: { name: 'Helpwanted hulpverlening', email: 'hulp@helpwanted.example' },
      workingHours: 'ma-vr 9-17',
      officeHours: weekdays('09:00-17:00'),
    },
    kinderarts: {
      organisation: 'Maastricht UMC+, kindergeneeskunde',
      primary: { name: 'Dienstdoende kinderarts', email: 'kinderarts@mumc.example', sms: '+31612340052' },
      workingHours: '24/7',
    },
  },
};
