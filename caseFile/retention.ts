/**
 * How long the case file keeps each kind of record, with the legal basis beside each value. The
 * term runs from the record's own time (`at`), as the WGBO's does ("te rekenen vanaf het tijdstip
 * waarop zij zijn vervaardigd"): a record is pruned when it is older than its kind's term, unless
 * the victim's erasure request removed it earlier (AVG art. 17, WGBO art. 7:455 BW).
 *
 * What the sources say (the domain brief and its seeds): nothing on retention. The brief lists
 * "data retention periods, legal bases (AVG/GDPR), professional medical secrecy" as an open
 * question; the seeds say only that each CSG registers "informatie over de achtergrond van, en de
 * geboden zorg aan, slachtoffers" in a database of its own [002:5001-5005], not for how long. The
 * terms below therefore come from the law, not from the sources, and are for the privacy officer
 * (and the CSG's FG) to confirm:
 *
 * - The case file is the CSG's registration of the care it gave and arranged (the medical and
 *   forensic pathway, the casemanager's follow-up): a medical record under the WGBO, kept 20 years
 *   from its making (art. 7:454 lid 3 BW), or longer where good care requires it. Every kind is
 *   part of that record, so every kind has that term today; the table keeps one line per kind so
 *   a kind whose basis differs gets its own term without touching the code. For a minor whose
 *   care is youth care the Jeugdwet has the same 20 years (art. 7.3.8).
 * - Not here: the delivery log (which message went out by which channel, when), the sessions and
 *   the privacy officer's access log keep their own, shorter terms in their own stores; no record
 *   kind of the case file holds delivery details.
 *
 * Shortening a term prunes on the next run; lengthening one cannot bring back what was pruned.
 */
import type { CaseFileRecordKind } from './recordKinds';

export interface RetentionTerm {
  years: number;
  /** The legal basis, for whoever reads or changes the value. */
  basis: string;
}

const WGBO = 'WGBO, art. 7:454 lid 3 BW: medisch dossier, 20 jaar vanaf het vervaardigen';

export const CASE_FILE_RETENTION: Readonly<Record<CaseFileRecordKind, RetentionTerm>> = {
  intake: { years: 20, basis: `${WGBO} (de melding, anamnese en wensen)` },
  triage: { years: 20, basis: `${WGBO} (de medische beoordeling van de termijn)` },
  besluit: { years: 20, basis: `${WGBO} (verrichtingen en afspraken over de zorg)` },
  correctie: {
    years: 20,
    basis: `${WGBO}; een correctie blijft bij het dossier dat zij verbetert (AVG art. 16)`,
  },
  partnerverzoek: {
    years: 20,
    basis: `${WGBO}; aan wie welke gegevens zijn verstrekt (art. 7:457 BW, beroepsgeheim)`,
  },
  partnerverzoek_uitkomst: { years: 20, basis: `${WGBO} (de verleende zorg per partner)` },
  checkin: { years: 20, basis: `${WGBO} (nazorg en screening door de casemanager)` },
  afsluiting: { years: 20, basis: `${WGBO} (afsluiting of verwijzing)` },
};

/** The moment before which a record of this term is past it, as seen at `now`. */
export function retentionCutoff(now: Date, term: RetentionTerm): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - term.years);
  return cutoff;
}
