/**
 * A recorded decision's value in the reader's words, for the case timeline and the ops history.
 * The workflow records codes joined into one line per decision; each type is read back here.
 */
import { wordsOr, type Translate } from '../../i18n';
import type { CaseState, DecisionRecord } from '../../workflows/messages';
import { checkInDecisionWords } from './contactSection';
import { recordedValueWords } from './recordedValueWords';
import { taskStepWords } from './taskSection';

/** A decision's recorded value in words; the raw value where the catalogue has none. */
export function decisionWords(t: Translate, d: DecisionRecord, state: CaseState): string {
  const v = d.value;
  switch (d.type) {
    case 'intake': {
      const [channel, window, police, medical] = v.split('; ');
      const choice = (part: string | undefined) => {
        const value = part?.split(': ')[1] ?? '';
        return wordsOr(t, `form.choices.${value}`, value);
      };
      return [
        wordsOr(t, `form.channels.${channel}`, channel ?? ''),
        wordsOr(t, `triage.windows.${window}`, window ?? ''),
        `${t('form.police')} ${choice(police)}`,
        `${t('form.medical')} ${choice(medical)}`,
      ].join(' · ');
    }
    case 'politie_wens':
      return wordsOr(t, `form.choices.${v}`, v);
    case 'toestemming': {
      const [role, given] = v.split(': ');
      const words = wordsOr(t, `request.roles.${role}`, role ?? '');
      return given === 'gegeven'
        ? t('casePage.consentGiven', { role: words })
        : t('casePage.consentWithdrawn', { role: words });
    }
    case 'incidenttijd': {
      const [before, after] = (v.split(': ')[1] ?? '').split(' → ');
      return before && after
        ? `${wordsOr(t, `triage.windows.${before}`, before)} → ${wordsOr(t, `triage.windows.${after}`, after)}`
        : v;
    }
    case 'ontvangstbevestiging': {
      const request = state.requests.find((r) => r.requestId === d.requestId);
      return request ? `${t(`request.kinds.${request.kind}`)} (${t(`request.roles.${request.role}`)})` : v;
    }
    case 'taak':
      return taskStepWords(t, d, state);
    case 'checkin': {
      const [outcome, ptss] = v.split('; ');
      const words = wordsOr(t, `partner.outcomes.${outcome}`, outcome ?? '');
      return ptss ? `${words}; ${ptss}` : words;
    }
    case 'fmo_aanbod':
      return wordsOr(t, `casePage.fmoOffers.${v}`, v);
    case 'aangifte':
      return wordsOr(t, `casePage.aangifte.${v}`, v);
    case 'ervaringsvragen':
      return wordsOr(t, `casePage.experienceConsent.${v}`, v);
    case 'intrekking':
      // The workflow records these two values (workflows/ending.ts); nothing else reaches here.
      return v === 'ingetrokken tijdens overdracht' ? t('casePage.withdrawnDuringTransfer') : '';
    case 'sluiting':
      return wordsOr(t, `casePage.closeReasons.${v}`, v);
    case 'eigenaar': {
      // "old → new; reden: code": the staff ids as they are, the reason in words.
      const [who, reason] = v.split('; reden: ');
      return reason ? `${who}; ${wordsOr(t, `casePage.ownerReasons.${reason}`, reason)}` : v;
    }
    default:
      return checkInDecisionWords(t, d) ?? recordedValueWords(t, v);
  }
}
