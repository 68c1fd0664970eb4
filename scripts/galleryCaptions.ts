/**
 * What docs/gallery.md shows: the chosen screenshots of `npm run gallery`, each page with one line
 * saying what it is. The page is written from this list on every run, so the two never drift.
 */
export const GALLERY_DOCS_DIR = 'gallery';

export interface GalleryEntry {
  title: string;
  caption: string;
  /** Screenshot files as the run names them: `<page>-<nl|en>-<desktop|phone>.png`. */
  images: string[];
}

export const GALLERY: GalleryEntry[] = [
  {
    title: 'Login',
    caption: 'Staff log in with their id and password; the language link switches Dutch and English.',
    images: ['login-nl-desktop.png', 'login-nl-phone.png'],
  },
  {
    title: 'Intake form',
    caption: 'The helpline registers a melding in the order of the call.',
    images: ['intake-empty-nl-desktop.png'],
  },
  {
    title: 'Intake form with problems',
    caption:
      'A phone number the form refuses: the summary at the top leads to the field, nothing typed is lost.',
    images: ['intake-problems-nl-phone.png', 'intake-problems-en-desktop.png'],
  },
  {
    title: 'Triage result',
    caption: 'The melding is registered: its reference, the triage outcome and what happens next.',
    images: ['triage-result-nl-desktop.png', 'triage-result-en-phone.png'],
  },
  {
    title: 'Decision confirmation',
    caption: 'Every decision on the case page asks for a confirmation that says what will happen.',
    images: ['decision-confirm-nl-desktop.png', 'decision-confirm-en-phone.png'],
  },
  {
    title: 'Case page',
    caption:
      'The phase, the open partner requests with their deadlines, the decisions and the timeline of who did what.',
    images: ['case-page-nl-desktop.png', 'case-page-en-phone.png'],
  },
  {
    title: 'Correcting the age',
    caption:
      'A casemanager corrects what the intake recorded, with a reason; each field shows its value as it stands.',
    images: ['correction-form-nl-desktop.png', 'correction-form-en-phone.png'],
  },
  {
    title: 'Correction confirmation',
    caption:
      'Before anything changes, the confirmation says what the correction does: at 14 the FMO moves from the forensic physician to the NFI.',
    images: ['correction-confirm-nl-desktop.png', 'correction-confirm-en-phone.png'],
  },
  {
    title: 'Case page: the same person again',
    caption:
      'A closed melding reopened as a new one, which is then linked to an earlier melding: each named with a link.',
    images: ['case-links-nl-desktop.png', 'case-links-en-phone.png'],
  },
  {
    title: 'Finding a case again',
    caption: 'A victim calls back without the reference: the case is found by phone number.',
    images: ['find-hit-nl-desktop.png', 'find-hit-en-phone.png'],
  },
  {
    title: 'Partner page: casemanager handover',
    caption: 'The link from the handover mail, as the casemanager opens it on a phone: accept the case.',
    images: ['partner-handover-nl-phone.png', 'partner-handover-en-phone.png'],
  },
  {
    title: 'Ops overview',
    caption: 'Overdue partner requests, as ops see them two days after the sample cases came in.',
    images: ['ops-overview-nl-desktop.png'],
  },
  {
    title: 'Ops: one case',
    caption: 'One case for ops: its open requests, the actions (re-assign, resend, close) and its history.',
    images: ['ops-case-nl-desktop.png'],
  },
  {
    title: "My cases (the casemanager's worklist)",
    caption:
      'Where a casemanager lands after logging in: check-ins due today or overdue, their own running cases by the next due contact, and the requests waiting on partners; each row opens the case.',
    images: ['worklist-nl-desktop.png', 'worklist-en-phone.png'],
  },
  {
    title: 'Check-ins on the case page',
    caption:
      'Watchful waiting as it happens: the plan in Dutch time, the contacts recorded, and the forms to record a contact (reached or not, with the next contact or the retry), add, move or cancel a check-in, extend to six months or refer to the GGZ.',
    images: ['contact-recorded-nl-desktop.png', 'contact-problems-en-phone.png'],
  },
  {
    title: 'The besluit after failed contacts',
    caption:
      "After the region's number of failed contact attempts in a row the case waits on the coordinator (or ops): close, keep trying, or another route.",
    images: ['contact-besluit-nl-desktop.png'],
  },
  {
    title: 'Region overview',
    caption:
      'A region at a glance, for its coordinator and ops: open cases by phase, requests past their deadline by partner, cases per casemanager, new meldingen per week, the cases flagged for the casusoverleg.',
    images: ['region-overview-nl-desktop.png', 'region-overview-en-phone.png'],
  },
  {
    title: 'Codec login',
    caption: 'Ops log in on the codec server to read case data decoded in the Temporal Web UI.',
    images: ['codec-login-nl-desktop.png'],
  },
];

function altText(file: string, title: string): string {
  const [, lang, size] = /-(nl|en)-(desktop|phone)\.png$/.exec(file) ?? [];
  const language = lang === 'en' ? 'English' : 'Dutch';
  return `${title}, ${language}, ${size === 'phone' ? 'phone' : 'desktop'}`;
}

/** docs/gallery.md, formatted as prettier leaves it. */
export function galleryMarkdown(): string {
  const lines = [
    '# Gallery',
    '',
    'Every page a person reads, as a reviewer sees it without running the stack. The cases are samples with',
    'invented people. Refresh the gallery with:',
    '',
    '```sh',
    'npm run gallery',
    '```',
    '',
    'It starts a throwaway Temporal dev server, a worker, the intake service and the codec server, walks',
    "through the pages in Debian's Chromium (headless) at desktop (1280 wide) and phone size (390 × 844),",
    'in Dutch and English, and writes every screenshot into `.data/screenshots/gallery/` (not in git).',
    'The ones below are copied into `docs/gallery/`, drawn smaller or cut short where a page is long.',
    'A run takes under a minute; a page that does not load stops it with a message naming the page,',
    'and leaves this page and its images as they were.',
    '',
  ];
  for (const entry of GALLERY) {
    lines.push(`## ${entry.title}`, '', entry.caption, '');
    for (const file of entry.images) {
      lines.push(`![${altText(file, entry.title)}](${GALLERY_DOCS_DIR}/${file})`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
