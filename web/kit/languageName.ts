/**
 * A language the intake recorded as its code (`ar`, `ti`, `pl`), as a reader of `lang` names it:
 * "Arabisch" on a Dutch page, "Arabic" on an English one. The names come from the runtime's own
 * locale data, which covers every code the intake accepts; a code it cannot name stays as typed.
 */
import type { Lang } from '../../i18n';

export function languageName(code: string, lang: Lang): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
    return name ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}
