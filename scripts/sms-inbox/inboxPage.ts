/**
 * The SMS inbox page: each text message the system sent, newest first, as the recipient would read
 * it (the body decoded, its lines kept, its links clickable so a developer can follow a partner's
 * link as the partner would), with the number, the Dutch time and what the contract mock said.
 */
import { formatLocal } from '../../domain/localTime';
import type { Translate } from '../../i18n';
import { html, type SafeHtml } from '../../web/kit/html';
import type { PageUi } from '../../web/kit/language';
import { layout } from '../../web/kit/layout';
import { scrollingTable } from '../../web/kit/table';
import type { SentSms } from './sentSms';

const LINK = /(https?:\/\/[^\s<>"']+)/;

/** Plain text with its line breaks and its http(s) links; every part escaped. */
function smsText(body: string): SafeHtml {
  const lines = body
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(LINK)
        .map((part, i) =>
          i % 2 === 1 ? html`<a class="utrecht-link utrecht-link--html-a" href="${part}">${part}</a>` : part,
        ),
    );
  return html`${lines.map((parts, i) => (i === 0 ? html`${parts}` : html`<br />${parts}`))}`;
}

function statusWords(t: Translate, sms: SentSms): string {
  if (sms.httpStatus >= 200 && sms.httpStatus < 300)
    return t('smsInbox.accepted', { status: sms.status ?? '' });
  return t('smsInbox.refused', { code: sms.httpStatus, reason: sms.error ?? '' });
}

export function inboxPage(input: { messages: readonly SentSms[]; ui: PageUi }): string {
  const { t } = input.ui;
  const newestFirst = [...input.messages].reverse();
  const table = html`<table class="utrecht-table utrecht-table--html-table" id="sms">
    <caption>
      ${t('smsInbox.caption')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('smsInbox.to')}</th>
        <th scope="col">${t('smsInbox.at')}</th>
        <th scope="col">${t('smsInbox.body')}</th>
        <th scope="col">${t('smsInbox.status')}</th>
      </tr>
    </thead>
    <tbody>
      ${newestFirst.map(
        (sms) =>
          html`<tr>
            <th scope="row">${sms.to}</th>
            <td>${formatLocal(sms.at)}</td>
            <td>${smsText(sms.body)}</td>
            <td>${statusWords(t, sms)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  return layout({
    title: t('smsInbox.title'),
    ui: input.ui,
    body: html`<h1 class="utrecht-heading-1">${t('smsInbox.title')}</h1>
      <p class="utrecht-paragraph">${t('smsInbox.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href="/">${t('smsInbox.refresh')}</a>
      </p>
      ${
        newestFirst.length === 0
          ? html`<p class="utrecht-paragraph" id="sms">${t('smsInbox.empty')}</p>`
          : scrollingTable(t('smsInbox.caption'), table)
      }`,
  });
}
