/**
 * The "same person" section of the case page: the earlier meldingen this one is linked to (and the
 * case it reopens), the later ones that name it, a form to link an earlier melding while the case
 * runs, and the reopen form once it closed, while the region's window lasts. References and codes
 * only: nothing of the person.
 */
import type { CaseLinks } from '../../cases/access';
import { formatLocal } from '../../domain/localTime';
import { REOPEN_REASONS } from '../../domain/koppeling';
import type { Translate } from '../../i18n';
import { html, type SafeHtml } from '../kit/html';

export interface KoppelingSectionInput {
  reference: string;
  links: CaseLinks;
  csrfToken: string;
  /** The case runs and the role may record a link. */
  mayLink: boolean;
  /** The role may reopen a closed case of its region. */
  mayReopen: boolean;
}

function caseLink(reference: string): SafeHtml {
  return html`<a class="utrecht-link utrecht-link--html-a" href="/meldingen/${reference}">${reference}</a>`;
}

export function koppelingSection(t: Translate, input: KoppelingSectionInput): SafeHtml {
  const { links, reference, csrfToken } = input;
  const window = links.reopenWindow;
  const earlier = links.linkedTo.filter((r) => r !== links.reopenedFrom);
  const nothing = !earlier.length && !links.reopenedFrom && !links.later.length;
  return html`<section id="koppelingen" aria-labelledby="koppelingen-titel">
    <h2 class="utrecht-heading-2" id="koppelingen-titel">${t('koppeling.title')}</h2>
    ${nothing ? html`<p class="utrecht-paragraph">${t('koppeling.none')}</p>` : ''}
    <dl class="utrecht-data-list">
      ${
        links.reopenedFrom
          ? html`<dt>${t('koppeling.reopenedFrom')}</dt>
              <dd id="heropend-vanuit">${caseLink(links.reopenedFrom)}</dd>`
          : ''
      }
      ${
        earlier.length
          ? html`<dt>${t('koppeling.linkedTo')}</dt>
              <dd id="gekoppeld-aan">
                <ul class="utrecht-unordered-list">
                  ${earlier.map((r) => html`<li>${caseLink(r)}</li>`)}
                </ul>
              </dd>`
          : ''
      }
      ${
        links.later.length
          ? html`<dt>${t('koppeling.later')}</dt>
              <dd id="later-gekoppeld">
                <ul class="utrecht-unordered-list">
                  ${links.later.map(
                    (m) =>
                      html`<li>
                        ${caseLink(m.reference)} (${t(m.open ? 'koppeling.open' : 'koppeling.closed')})
                      </li>`,
                  )}
                </ul>
              </dd>`
          : ''
      }
    </dl>
    ${
      input.mayLink && window?.status === 'running'
        ? html`<form method="post" action="/meldingen/${reference}/koppelen/controleren" id="koppelen">
            <fieldset class="utrecht-form-fieldset--html-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                ${t('koppeling.linkLegend')}
              </legend>
              <input type="hidden" name="_csrf" value="${csrfToken}" />
              <label class="utrecht-form-label" for="koppelen-reference"
                >${t('koppeling.referenceLabel')}</label
              >
              <p class="utrecht-paragraph hint" id="koppelen-reference-hint">
                ${t('koppeling.referenceHint')}
              </p>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                id="koppelen-reference"
                name="reference"
                aria-describedby="koppelen-reference-hint"
                autocomplete="off"
                required
              />
              <p class="utrecht-paragraph">
                <button
                  class="utrecht-button utrecht-button--primary-action"
                  type="submit"
                  id="koppelen-verder"
                >
                  ${t('koppeling.link')}
                </button>
              </p>
            </fieldset>
          </form>`
        : ''
    }
    ${
      input.mayReopen && window?.status === 'closed' && window.open
        ? html`<form method="post" action="/meldingen/${reference}/heropenen/controleren" id="heropenen">
            <fieldset class="utrecht-form-fieldset--html-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                ${t('koppeling.reopenLegend')}
              </legend>
              <input type="hidden" name="_csrf" value="${csrfToken}" />
              <p class="utrecht-paragraph hint">
                ${t('koppeling.reopenHint', {
                  until: formatLocal(window.until.toISOString()),
                  days: String(window.withinDays),
                })}
              </p>
              <label class="utrecht-form-label" for="heropenen-reason">${t('koppeling.reasonLabel')}</label>
              <select
                class="utrecht-select utrecht-select--html-select"
                id="heropenen-reason"
                name="reason"
                required
              >
                <option value="">${t('koppeling.chooseReason')}</option>
                ${REOPEN_REASONS.map((r) => html`<option value="${r}">${t(`koppeling.reasons.${r}`)}</option>`)}
              </select>
              <p class="utrecht-paragraph">
                <button
                  class="utrecht-button utrecht-button--primary-action"
                  type="submit"
                  id="heropenen-verder"
                >
                  ${t('koppeling.reopen')}
                </button>
              </p>
            </fieldset>
          </form>`
        : ''
    }
    ${
      input.mayReopen && window?.status === 'closed' && !window.open
        ? html`<p class="utrecht-paragraph" id="heropenen-verlopen">
            ${t('koppeling.windowPassed', {
              closedAt: formatLocal(window.closedAt.toISOString()),
              until: formatLocal(window.until.toISOString()),
            })}
          </p>`
        : ''
    }
  </section>`;
}
