/**
 * How long the access log keeps its entries, with the basis beside the value. The term runs from
 * the entry's own time (`at`); `pruneOlderThan(accessLogCutoff(now))` removes what is past it.
 *
 * What the sources say (the domain brief and its seeds): nothing on logging or its retention; the
 * brief lists retention periods and legal bases as an open question. The term below is therefore
 * not from the sources and is for the privacy officer (and the CSG's FG) to confirm:
 *
 * - The log exists because a care provider must log who accessed a client's record (Besluit
 *   elektronische gegevensverwerking door zorgaanbieders, art. 3 lid 2, which points to NEN 7513;
 *   AVG art. 32 for the security of processing). NEN 7513 leaves the term to the organisation's
 *   policy; five years is the term Dutch care providers commonly apply to these logs, long enough
 *   for a victim's complaint or an inspection to look back on. The standard's own text is not in
 *   this repository: check the value against it.
 * - Not the case file's 20 years (WGBO, caseFile/retention.ts): the log is not part of the medical
 *   record but the account of who looked at it. An erasure of the case (AVG art. 17) leaves its
 *   log entries: the log names the case only by a keyed hash and is kept to account for access,
 *   a legal obligation (AVG art. 17 lid 3 onder b).
 */

export interface AccessLogRetention {
  years: number;
  /** The basis, for whoever reads or changes the value. */
  basis: string;
}

export const ACCESS_LOG_RETENTION: AccessLogRetention = {
  years: 5,
  basis:
    'NEN 7513 (logging van toegang tot het dossier; termijn naar beleid, in de zorg gangbaar 5 jaar), ' +
    'verplicht via Besluit elektronische gegevensverwerking door zorgaanbieders art. 3 lid 2; ' +
    'de bronnen van het domein zwijgen hierover: door de FG te bevestigen',
};

/** The moment before which an entry is past the term, as seen at `now`. */
export function accessLogCutoff(now: Date, term: AccessLogRetention = ACCESS_LOG_RETENTION): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - term.years);
  return cutoff;
}
