/**
 * The case page's section for the privacy officer: the access export (a document in Dutch or
 * English, or JSON) and erasure, requested by one officer and approved by another. Shown only to
 * a role that may take these actions (web/privacyPages.ts builds it).
 */
import { formatLocal } from '../../domain/localTime';
import type { Translate } from '../../i18n';
import { html, type SafeHtml } from '../kit/html';

export interface PrivacySectionInput {
  reference: string;
  csrfToken: string;
  staffId: string;
  /** The pending erasure request, if any. */
  pending?: { requestedBy: string; requestedAt: string };
}

function exportButton(input: PrivacySectionInput, taal: string, formaat: string, label: string, id: string) {
  return html`<form method="post" action="/meldingen/${input.reference}/inzage" class="inline" id="${id}">
    <input type="hidden" name="_csrf" value="${input.csrfToken}" />
    <input type="hidden" name="taal" value="${taal}" />
    <input type="hidden" name="formaat" value="${formaat}" />
    <button class="utrecht-button utrecht-button--secondary-action" type="submit">${label}</button>
  </form>`;
}

export function privacySection(t: Translate, input: PrivacySectionInput): SafeHtml {
  const { pending } = input;
  const own = pending?.requestedBy === input.staffId;
  return html`<section id="privacy" aria-labelledby="privacy-titel">
    <h2 class="utrecht-heading-2" id="privacy-titel">${t('privacy.section.title')}</h2>
    <p class="utrecht-paragraph hint">${t('privacy.section.hint')}</p>
    <p class="utrecht-paragraph">
      <a
        class="utrecht-link utrecht-link--html-a"
        href="/meldingen/${input.reference}/toegangslog"
        id="toegangslog-link"
        >${t('accessLog.link')}</a
      >
    </p>
    ${exportButton(input, 'nl', 'html', t('privacy.section.exportHtml'), 'inzage-nl')}
    ${exportButton(input, 'en', 'html', t('privacy.section.exportHtmlEn'), 'inzage-en')}
    ${exportButton(input, 'nl', 'json', t('privacy.section.exportJson'), 'inzage-json')}
    ${
      pending
        ? html`<p class="utrecht-paragraph" id="wisverzoek">
            ${t(own ? 'privacy.section.pendingOwn' : 'privacy.section.pending', {
              by: pending.requestedBy,
              at: formatLocal(pending.requestedAt),
            })}
          </p>`
        : ''
    }
    <form
      method="post"
      action="/meldingen/${input.reference}/${pending ? 'wissen/goedkeuren' : 'wissen'}"
      id="${pending ? 'wissen-goedkeuren' : 'wissen'}"
    >
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        ${t(pending ? 'privacy.section.approveErasure' : 'privacy.section.requestErasure')}
      </button>
    </form>
  </section>`;
}
