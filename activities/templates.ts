/**
 * Partner messages per request kind, in the partner's language (the region file's `language`,
 * Dutch by default), with the texts from the one catalogue per language (i18n/). Short and
 * humane; they carry the melding reference, what is asked, by when, and the signed link. Nothing
 * else.
 *
 * Minimum personal data, by design:
 * - No victim data in any message. The consent-filtered `details` stay behind the signed link
 *   (the partner page), because an email is copied to phones, archives and forwards we do not
 *   control, and the link can expire and be audited; the message cannot.
 * - The SMS is only reference, what is asked, deadline and link, in GSM-7 characters (no "ó"):
 *   one non-GSM character switches the whole SMS to UCS-2 and halves the room per segment. Beyond
 *   the link it fits one segment (160 characters).
 *
 * Pure and deterministic: a retried activity renders the very same text, so a stable Message-ID
 * and a body comparison with Twilio's message list identify an earlier send.
 */
import { wallClock } from '../domain/dutchTime';
import type { NoticeKind, RecipientTier, RequestKind } from '../domain/types';
import { translator, type Lang } from '../i18n';

const DAYS: Record<Lang, string[]> = {
  nl: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const MONTHS: Record<Lang, string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** The deadline in Dutch local time, e.g. "ma 23 nov 10:56" / "Mon 23 Nov 10:56". */
export function formatDeadline(iso: string): Record<Lang, string> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error('dueBy is not a valid ISO time');
  const { month: m, day: d, hour: hh, minute: mm, weekday } = wallClock(date);
  const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  const format = (lang: Lang) => `${DAYS[lang][weekday]} ${d} ${MONTHS[lang][m - 1]} ${time}`;
  return { nl: format('nl'), en: format('en') };
}

/**
 * A title as it reads inside a sentence: its first letter in lower case, the rest as written, so
 * "Forensisch-medisch onderzoek (FMO)" keeps its "FMO" (and a title that opens with one, too).
 */
function inSentence(title: string): string {
  if (/^\p{Lu}{2}/u.test(title)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

export interface RequestTemplateInput {
  kind: RequestKind;
  meldingRef: string;
  dueBy: string;
  actionUrl: string;
  /** The desk or function addressed ("Piket casemanager"), from the directory. */
  recipientName: string;
  tier: RecipientTier;
  attempt: number;
  /** The partner's language, from the region file. */
  language: Lang;
}

export function renderRequest(input: RequestTemplateInput): RenderedMessage {
  const t = translator(input.language);
  const kind = (part: string) => t(`message.kinds.${input.kind}.${part}`);
  const deadline = formatDeadline(input.dueBy)[input.language];
  const reminder = input.attempt > 1;
  const values = { reference: input.meldingRef, deadline, url: input.actionUrl };
  const subject = t(reminder ? 'message.subjectReminder' : 'message.subject', {
    ...values,
    title: kind('title'),
  });
  const why =
    input.tier === 'backup'
      ? t('message.whyBackup')
      : input.tier === 'coordinator'
        ? t('message.whyCoordinator')
        : input.tier === 'owner'
          ? t('message.whyOwner')
          : undefined;
  const lines = [
    t('message.greeting', { name: input.recipientName }),
    '',
    t(reminder ? 'message.introReminder' : 'message.intro', { ...values, what: inSentence(kind('title')) }),
    why,
    kind('ask'),
    t('message.respondBy', values),
    '',
    t('message.link', values),
    '',
    t('message.personal'),
  ].filter((line): line is string => line !== undefined);

  const text = [...lines, '', t('message.signature')].join('\n');
  const html = toHtml(input.language, lines, t('message.signature'), input.actionUrl);
  const sms = t(reminder ? 'message.smsReminder' : 'message.sms', { ...values, what: kind('sms') });
  return { subject, text, html, sms };
}

export interface NoticeTemplateInput {
  kind: RequestKind;
  notice: NoticeKind;
  meldingRef: string;
  recipientName: string;
  language: Lang;
}

export function renderNotice(input: NoticeTemplateInput): RenderedMessage {
  const t = translator(input.language);
  const title = t(`message.kinds.${input.kind}.title`);
  const notice = (part: string) => t(`message.notices.${input.notice}.${part}`);
  const subject = t('message.noticeSubject', { title, reference: input.meldingRef, notice: notice('name') });
  const lines = [
    t('message.greeting', { name: input.recipientName }),
    '',
    t('message.noticeText', {
      what: inSentence(title),
      reference: input.meldingRef,
      notice: notice('text'),
    }),
    t('message.noticeThanks'),
  ];
  const text = [...lines, '', t('message.signature')].join('\n');
  const sms = t('message.noticeSms', {
    reference: input.meldingRef,
    what: t(`message.kinds.${input.kind}.sms`),
    notice: notice('sms'),
  });
  return { subject, text, html: toHtml(input.language, lines, t('message.signature')), sms };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The signed link is one long word (its token): a mail app on a phone would not break it and the
 * line would run off the pane. Shown whole (the partner can see where it leads) but allowed to
 * break anywhere; the href is the link itself. Inline, as mail apps drop style sheets.
 */
const LINK_STYLE = 'overflow-wrap:anywhere;word-break:break-all';

function toHtml(lang: Lang, lines: string[], signature: string, actionUrl?: string): string {
  const paragraphs = lines
    .filter((l) => l !== '')
    .map((l) => {
      const escaped = escapeHtml(l);
      if (actionUrl === undefined || !l.includes(actionUrl)) return `<p>${escaped}</p>`;
      const href = escapeHtml(actionUrl);
      return `<p>${escaped.replace(href, `<a href="${href}" style="${LINK_STYLE}">${href}</a>`)}</p>`;
    })
    .join('\n');
  return [
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;max-width:40em">`,
    paragraphs,
    `<p>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('\n');
}
