/**
 * A tiny HTML template tag: every interpolated value is escaped unless it was produced by `html`
 * itself (or marked `raw` by code that built it safely). Escaping by default is what keeps a
 * typed-in name like `<script>` on the page as text.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** For markup built by code from constants only. */
export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

/** An attribute that is present or absent (checked, selected, autofocus...). */
export function attr(name: string, on: boolean): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : '');
}
