/**
 * Partner messages per request kind: Dutch first, English alongside. Short and humane; they carry
 * the melding reference, what is asked, by when, and the signed link. Nothing else.
 *
 * Minimum personal data, by design:
 * - No victim data in any message. The consent-filtered `details` stay behind the signed link
 *   (the partner page), because an email is copied to phones, archives and forwards we do not
 *   control, and the link can expire and be audited; the message cannot.
 * - The SMS is only reference, what is asked, deadline and link, in GSM-7 characters (no "ó"):
 *   one non-GSM character switches the whole SMS to UCS-2 and halves the room per segment.
 *
 * Pure and deterministic: a retried activity renders the very same text, so a stable Message-ID
 * and a body comparison with Twilio's message list identify an earlier send.
 */
import { wallClock } from '../domain/dutchTime';
import type { NoticeKind, RecipientTier, RequestKind } from '../domain/types';

interface KindText {
  titleNl: string;
  titleEn: string;
  askNl: string;
  askEn: string;
  /** For the SMS: a few words, GSM-7 only. */
  smsNl: string;
  smsEn: string;
}

export const KIND_TEXT: Record<RequestKind, KindText> = {
  casemanager_overdracht: {
    titleNl: 'Overdracht aan de casemanager',
    titleEn: 'Handover to the on-call casemanager',
    askNl: 'Wilt u deze melding overnemen en dat bevestigen via de link?',
    askEn: 'Please take over this melding and confirm via the link.',
    smsNl: 'overdracht casemanager',
    smsEn: 'casemanager handover',
  },
  informatief_gesprek: {
    titleNl: 'Informatief gesprek (zedenpolitie)',
    titleEn: 'Informative interview (sexual offences police)',
    askNl: 'Wilt u een informatief gesprek inplannen en dat bevestigen via de link?',
    askEn: 'Please schedule an informative interview and confirm via the link.',
    smsNl: 'informatief gesprek',
    smsEn: 'informative interview',
  },
  fmo: {
    titleNl: 'Forensisch-medisch onderzoek (FMO)',
    titleEn: 'Forensic medical examination (FMO)',
    askNl: 'Wilt u bevestigen via de link dat u het FMO uitvoert?',
    askEn: 'Please confirm via the link that you will carry out the examination.',
    smsNl: 'FMO (forensisch onderzoek)',
    smsEn: 'forensic exam',
  },
  medische_zorg: {
    titleNl: 'Medische zorg',
    titleEn: 'Medical care',
    askNl: 'Wilt u de medische zorg oppakken, afgestemd met het FMO, en dat bevestigen via de link?',
    askEn:
      'Please take on the medical care, coordinated with the forensic examination, and confirm via the link.',
    smsNl: 'medische zorg',
    smsEn: 'medical care',
  },
  checkin: {
    titleNl: 'Check-in (watchful waiting)',
    titleEn: 'Check-in (watchful waiting)',
    askNl: 'Wilt u contact opnemen voor de check-in en de uitkomst vastleggen via de link?',
    askEn: 'Please get in touch for the check-in and record the outcome via the link.',
    smsNl: 'check-in',
    smsEn: 'check-in',
  },
  ggz_verwijzing: {
    titleNl: 'Verwijzing naar de GGZ',
    titleEn: 'Referral to mental-health care',
    askNl: 'Wilt u de aanmelding in behandeling nemen en dat bevestigen via de link?',
    askEn: 'Please take on this referral and confirm via the link.',
    smsNl: 'verwijzing GGZ',
    smsEn: 'mental-health referral',
  },
  regio_overdracht: {
    titleNl: 'Overdracht naar uw regio',
    titleEn: 'Transfer to your region',
    askNl: 'Wilt u deze melding overnemen en dat bevestigen via de link?',
    askEn: 'Please take over this melding and confirm via the link.',
    smsNl: 'overdracht regio',
    smsEn: 'region transfer',
  },
};

const NOTICE_TEXT: Record<NoticeKind, { nl: string; en: string; smsNl: string; smsEn: string }> = {
  ingetrokken: {
    nl: 'is ingetrokken. U hoeft niets meer te doen.',
    en: 'has been withdrawn. No action is needed.',
    smsNl: 'ingetrokken, u hoeft niets te doen',
    smsEn: 'withdrawn, no action needed',
  },
  vervallen: {
    nl: 'is vervallen: het is niet meer nodig. U hoeft niets meer te doen.',
    en: 'has lapsed: it is no longer needed. No action is needed.',
    smsNl: 'vervallen, u hoeft niets te doen',
    smsEn: 'lapsed, no action needed',
  },
  overgedragen: {
    nl: 'is overgedragen aan een andere partner. U hoeft niets meer te doen.',
    en: 'has been transferred to another partner. No action is needed.',
    smsNl: 'overgedragen, u hoeft niets te doen',
    smsEn: 'transferred, no action needed',
  },
};

const DAYS_NL = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The deadline in Dutch local time, e.g. "ma 23 nov 10:56" / "Mon 23 Nov 10:56". */
export function formatDeadline(iso: string): { nl: string; en: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error('dueBy is not a valid ISO time');
  const { month: m, day: d, hour: hh, minute: mm, weekday } = wallClock(date);
  const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  return {
    nl: `${DAYS_NL[weekday]} ${d} ${MONTHS_NL[m - 1]} ${time}`,
    en: `${DAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]} ${time}`,
  };
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
}

function whyYouNl(tier: RecipientTier): string | undefined {
  if (tier === 'backup') return 'U ontvangt dit als achterwacht: de dienstdoende heeft nog niet gereageerd.';
  if (tier === 'coordinator')
    return 'U ontvangt dit als coördinator: er is nog niet op dit verzoek gereageerd.';
  return undefined;
}

function whyYouEn(tier: RecipientTier): string | undefined {
  if (tier === 'backup') return 'You receive this as backup: the person on duty has not responded yet.';
  if (tier === 'coordinator')
    return 'You receive this as coordinator: nobody has responded to this request yet.';
  return undefined;
}

export function renderRequest(input: RequestTemplateInput): RenderedMessage {
  const k = KIND_TEXT[input.kind];
  const deadline = formatDeadline(input.dueBy);
  const reminder = input.attempt > 1;
  const subject =
    `${reminder ? 'Herinnering: ' : ''}${k.titleNl} – melding ${input.meldingRef} – reageer vóór ${deadline.nl}` +
    ` / ${reminder ? 'Reminder: ' : ''}${k.titleEn}`;

  const nl = [
    `Beste ${input.recipientName},`,
    '',
    `${reminder ? 'Herinnering. ' : ''}Het Centrum Seksueel Geweld vraagt uw hulp bij melding ${input.meldingRef}: ${k.titleNl.toLowerCase()}.`,
    whyYouNl(input.tier),
    k.askNl,
    `Graag vóór ${deadline.nl} (Nederlandse tijd).`,
    '',
    `Bevestigen en de gegevens die u mag inzien: ${input.actionUrl}`,
    '',
    'De link is persoonlijk; stuur deze mail niet door. Dank u wel.',
  ].filter((line): line is string => line !== undefined);

  const en = [
    `Dear ${input.recipientName},`,
    '',
    `${reminder ? 'Reminder. ' : ''}The Centre for Sexual Violence asks for your help with melding ${input.meldingRef}: ${k.titleEn.toLowerCase()}.`,
    whyYouEn(input.tier),
    k.askEn,
    `Please respond by ${deadline.en} (Dutch time).`,
    '',
    `Confirm, and see the details you are allowed to see: ${input.actionUrl}`,
    '',
    'The link is personal; please do not forward this email. Thank you.',
  ].filter((line): line is string => line !== undefined);

  const text = [...nl, '', '—', '', ...en, '', 'Centrum Seksueel Geweld'].join('\n');
  const html = toHtml(nl, en, input.actionUrl);
  const sms =
    `CSG ${reminder ? 'herinnering ' : ''}melding ${input.meldingRef}: ${k.smsNl}. Reageer voor ${deadline.nl}: ${input.actionUrl}` +
    ` / ${k.smsEn}, respond by ${deadline.en}`;
  return { subject, text, html, sms };
}

export interface NoticeTemplateInput {
  kind: RequestKind;
  notice: NoticeKind;
  meldingRef: string;
  recipientName: string;
}

export function renderNotice(input: NoticeTemplateInput): RenderedMessage {
  const k = KIND_TEXT[input.kind];
  const n = NOTICE_TEXT[input.notice];
  const subject = `${k.titleNl} – melding ${input.meldingRef} – ${input.notice} / ${k.titleEn}`;
  const nl = [
    `Beste ${input.recipientName},`,
    '',
    `Het verzoek "${k.titleNl.toLowerCase()}" bij melding ${input.meldingRef} ${n.nl}`,
    'Dank u wel voor uw beschikbaarheid.',
  ];
  const en = [
    `Dear ${input.recipientName},`,
    '',
    `The request "${k.titleEn.toLowerCase()}" for melding ${input.meldingRef} ${n.en}`,
    'Thank you for being available.',
  ];
  const text = [...nl, '', '—', '', ...en, '', 'Centrum Seksueel Geweld'].join('\n');
  const sms = `CSG melding ${input.meldingRef}: ${k.smsNl} ${n.smsNl} / ${k.smsEn} ${n.smsEn}`;
  return { subject, text, html: toHtml(nl, en), sms };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toHtml(nl: string[], en: string[], actionUrl?: string): string {
  const para = (lines: string[]) =>
    lines
      .filter((l) => l !== '')
      .map((l) => {
        const escaped = escapeHtml(l);
        if (actionUrl === undefined || !l.includes(actionUrl)) return `<p>${escaped}</p>`;
        const href = escapeHtml(actionUrl);
        return `<p>${escaped.replace(href, `<a href="${href}">${href}</a>`)}</p>`;
      })
      .join('\n');
  return [
    '<!doctype html><html lang="nl"><body style="font-family:sans-serif;max-width:40em">',
    para(nl),
    '<hr>',
    `<div lang="en">${para(en)}</div>`,
    '<p>Centrum Seksueel Geweld</p>',
    '</body></html>',
  ].join('\n');
}
