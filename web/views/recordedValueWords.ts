/**
 * A recorded decision's value in words, for the decisions the case page has no words of its own
 * for (corrections, transfer, reopening, medical wish): their values are codes joined into one
 * line ("leeftijd; reden: invoerfout; fmo door: forensisch_arts → nfi"), each part turned into the
 * catalogue's words here. A part this version does not know stays as it is.
 */
import type { Translate } from '../../i18n';

const REASON_GROUPS = ['correctionReasons', 'casePage.ownerReasons', 'koppeling.reasons'];

export function recordedValueWords(t: Translate, value: string): string {
  const or = (key: string, code: string) => {
    const text = t(key);
    return text === key ? code : text;
  };
  const reason = (code: string) => {
    for (const group of REASON_GROUPS) {
      const text = t(`${group}.${code}`);
      if (text !== `${group}.${code}`) return text;
    }
    return code;
  };
  const role = (code: string) => or(`request.roles.${code}`, code);
  const field = (code: string) => or(`caseWords.recorded.fieldNames.${code}`, code);
  const part = (text: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^reden: (\S+)$/.exec(text))) return t('caseWords.recorded.reason', { reason: reason(m[1]!) });
    if ((m = /^velden: (.*)$/.exec(text)))
      return t('caseWords.recorded.fields', { fields: m[1]!.split(', ').map(field).join(', ') });
    if ((m = /^fmo door: (\S+) → (\S+)$/.exec(text)))
      return t('caseWords.recorded.fmoBy', { before: role(m[1]!), after: role(m[2]!) });
    if ((m = /^andere regio: (\S+)$/.exec(text)))
      return t('caseWords.recorded.otherRegion', { region: m[1] });
    if ((m = /^naar (\S+)$/.exec(text))) return t('caseWords.recorded.toRegion', { region: m[1] });
    if (text === 'zelfde regio') return t('caseWords.recorded.sameRegion');
    // A bare code: a field, a wish ("ja"), or a reason (a reopening's "from; reason").
    const choice = t(`form.choices.${text}`);
    if (choice !== `form.choices.${text}`) return choice;
    const named = field(text);
    return named !== text ? named : reason(text);
  };
  return value.split('; ').map(part).join('; ');
}
