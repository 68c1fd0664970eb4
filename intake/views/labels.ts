/** Dutch words for the domain's codes, shown to staff and partners. */
import type { PartnerRole, RequestKind, TriageResult } from '../../domain/types';
import { TRIAGE_LABELS } from '../../domain/triage';

export { TRIAGE_LABELS };

export const FORENSIC_LABELS: Record<TriageResult['forensicPartner'], string> = {
  nfi: 'het NFI (slachtoffer 15 jaar of jonger)',
  forensisch_arts: 'de forensisch arts',
};

export const MEDICAL_LABELS: Record<TriageResult['medicalPartner'], string> = {
  acute_medische_zorg: 'acute medische zorg (binnen 72 uur, bijvoorbeeld de SEH)',
  medische_zorg_na_72_uur: 'medische zorg na 72 uur',
};

export const REQUEST_LABELS: Record<RequestKind, string> = {
  casemanager_overdracht: 'Overdracht aan de piket-casemanager',
  informatief_gesprek: 'Informatief gesprek met de zedenpolitie',
  fmo: 'Forensisch-medisch onderzoek (FMO)',
  medische_zorg: 'Medische zorg',
  checkin: 'Contactmoment watchful waiting',
  ggz_verwijzing: 'Verwijzing naar de GGZ',
  regio_overdracht: 'Overdracht aan een andere regio',
};

export const ROLE_LABELS: Record<PartnerRole, string> = {
  casemanager: 'casemanager',
  coordinator: 'coördinator',
  zedenpolitie: 'zedenpolitie',
  forensisch_arts: 'forensisch arts',
  nfi: 'NFI',
  forensische_opsporing: 'forensische opsporing',
  acute_medische_zorg: 'acute medische zorg',
  medische_zorg_na_72_uur: 'medische zorg na 72 uur',
  ggz: 'GGZ',
  slachtofferhulp: 'Slachtofferhulp Nederland',
  veilig_thuis: 'Veilig Thuis',
};
