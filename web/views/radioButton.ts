/**
 * One radio button with its label, as the NL Design System writes it: the label wraps the input,
 * so the whole line is the click (and touch) target. Its id is `<idPrefix>-<value>`, the target an
 * error summary links to for the first choice.
 */
import { attr, html, type SafeHtml } from '../kit/html';

export function radioButton(
  name: string,
  value: string,
  label: string | SafeHtml,
  checked: boolean,
  options: { idPrefix?: string; required?: boolean } = {},
): SafeHtml {
  const id = `${options.idPrefix ?? name}-${value}`;
  return html`<label class="utrecht-form-label utrecht-form-label--radio" for="${id}"
    ><input
      class="utrecht-radio-button utrecht-radio-button--html-input"
      type="radio"
      id="${id}"
      name="${name}"
      value="${value}"
      ${attr('required', options.required ?? false)}${attr('checked', checked)}
    />
    ${label}</label
  >`;
}
