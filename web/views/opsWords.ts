/**
 * The ops pages' codes in the reader's words, from the catalogues: a phase, a triage window, a
 * request ("FMO (forensisch arts)"), whom it waits for ("forensisch arts (piket)"), a closing
 * reason and each line of the case history. A code this version does not know yet shows as it is,
 * so a newer case still reads.
 */
import type { CaseState, DecisionRecord, DecisionType, RequestView } from '../../workflows/messages';
import type { HistoryEntry } from '../../workflows/opsMessages';
import type { Translate } from '../../i18n';
import { decisionWords } from './decisionWords';

export interface OpsWords {
  phase(code: string): string;
  window(code: string): string;
  outcome(code: string): string;
  closeReason(code: string): string;
  tier(code: string): string;
  /** "forensisch arts (piket)" for role `forensisch_arts`, tier `primary`. */
  awaiting(role: string, tier: string): string;
  /** "Forensisch-medisch onderzoek (FMO) (forensisch arts)": what is asked, of whom. */
  request(r: Pick<RequestView, 'kind' | 'role'>): string;
  /** A request named by its id, in words when the case knows it. */
  requestById(requestId: string): string;
  /**
   * The history's columns "kind", "what" and "value" in words, and the request the line is about
   * in words where the value does not name it already.
   */
  history(e: HistoryEntry): { kind: string; type: string; value: string; request?: string };
}

export function opsWords(t: Translate, state?: CaseState): OpsWords {
  const or = (key: string, code: string) => {
    const text = t(key);
    return text === key ? code : text;
  };
  const role = (code: string) => or(`request.roles.${code}`, code);
  const tier = (code: string) => or(`ops.tiers.${code}`, code);
  const awaiting = (r: string, tr: string) => `${role(r)} (${tier(tr)})`;
  /** "casemanager/primary" as a history value writes it. */
  const roleTier = (text: string) =>
    text.replace(/\b([a-z0-9_]+)\/([a-z_]+)\b/g, (_, r: string, tr: string) => awaiting(r, tr));
  const request = (r: Pick<RequestView, 'kind' | 'role'>) =>
    `${or(`request.kinds.${r.kind}`, r.kind)} (${role(r.role)})`;
  const requestById = (requestId: string) => {
    const r = state?.requests.find((q) => q.requestId === requestId);
    return r ? request(r) : requestId;
  };
  const historyLine = (e: HistoryEntry) => {
    const kind = or(`ops.historyKinds.${e.kind}`, e.kind);
    if (e.kind === 'besluit' && state) {
      const record: DecisionRecord = {
        at: e.at,
        by: e.by,
        type: e.type as DecisionType,
        value: e.value,
        ...(e.requestId ? { requestId: e.requestId } : {}),
      };
      return {
        kind,
        type: or(`casePage.recordTypes.${e.type}`, e.type),
        value: decisionWords(t, record, state),
      };
    }
    const type = or(`ops.historyTypes.${e.type}`, e.type);
    if (e.type === 'sluiting') return { kind, type, value: or(`casePage.closeReasons.${e.value}`, e.value) };
    if (e.type === 'escalatie') {
      const level = /^(\S+) niveau (\d+)$/.exec(e.value);
      const value = level
        ? t('ops.escalationValue', { awaiting: roleTier(level[1]!), level: level[2] })
        : e.value;
      return { kind, type, value };
    }
    return { kind, type, value: roleTier(e.value) };
  };
  const words: OpsWords = {
    phase: (code) => or(`caseWords.phases.${code}`, code),
    window: (code) => or(`triage.windows.${code}`, code),
    outcome: (code) => or(`caseWords.outcomes.${code}`, code),
    closeReason: (code) => or(`casePage.closeReasons.${code}`, code),
    tier,
    awaiting,
    request,
    requestById,
    history(e) {
      const line = historyLine(e);
      const request = e.requestId ? requestById(e.requestId) : undefined;
      return request && !line.value.includes(request) ? { ...line, request } : line;
    },
  };
  return words;
}
