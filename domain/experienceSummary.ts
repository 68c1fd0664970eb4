/**
 * The victims' answers about the help received, summed per region and semester for the semester
 * report (reporting/semesterRun.ts): the number of answers, and per question how they were spread.
 * Like the figures: a count under 5 shows as "< 5"; fewer than 5 answers in all and the section
 * shows no numbers at all ("te weinig antwoorden"). Where the answers to one question add up to
 * the total, a single small cell could be worked out from the others: the next smallest is then
 * hidden too ("x"). Pure: no clock, no store.
 */
import { HELP_KINDS, RECOMMEND_CHOICES, SCALE, type ExperienceAnswers } from './experience';
import { HIDDEN, SMALL_CELL_THRESHOLD, SUPPRESSED } from './semesterReport';

interface Question {
  code: string;
  label: string;
  /** Each answer gives exactly one choice (the counts add up to the total). */
  single: boolean;
  choices: ReadonlyArray<{ code: string; label: string; count: (a: ExperienceAnswers) => boolean }>;
}

const scale = (field: 'heard' | 'quick') =>
  SCALE.map((n) => ({
    code: n,
    label: n === '1' ? '1 (helemaal niet)' : n === '5' ? '5 (helemaal wel)' : n,
    count: (a: ExperienceAnswers) => a[field] === n,
  }));

const RECOMMEND_LABELS = { ja: 'ja', nee: 'nee', weet_niet: 'weet niet' } as const;
const HELP_LABELS = {
  casemanager: 'begeleiding door een casemanager',
  medische_zorg: 'medische zorg',
  forensisch_onderzoek: 'onderzoek door een forensisch arts',
  politie: 'contact met de politie',
  psychische_hulp: 'psychologische hulp',
} as const;

const QUESTIONS: readonly Question[] = [
  { code: 'gehoord', label: 'Voelde zich gehoord', single: true, choices: scale('heard') },
  { code: 'snel_genoeg', label: 'Hulp kwam snel genoeg', single: true, choices: scale('quick') },
  {
    code: 'aanbevelen',
    label: 'Zou de hulp aanraden',
    single: true,
    choices: RECOMMEND_CHOICES.map((c) => ({
      code: c,
      label: RECOMMEND_LABELS[c],
      count: (a: ExperienceAnswers) => a.recommend === c,
    })),
  },
  {
    code: 'hulp',
    label: 'Zegt deze hulp te hebben gekregen (meer dan een keuze mogelijk)',
    single: false,
    choices: HELP_KINDS.map((k) => ({
      code: k,
      label: HELP_LABELS[k],
      count: (a: ExperienceAnswers) => a.help.includes(k),
    })),
  },
];

export interface PublishedCell {
  code: string;
  label: string;
  /** A number, "< 5" or "x". */
  count: string;
}

export interface ExperienceSection {
  /** Fewer than 5 answers: nothing but that is published. */
  tooFew: boolean;
  total: number;
  questions: Array<{ code: string; label: string; cells: PublishedCell[] }>;
}

/** The cells of one question as published. */
function publish(counts: number[], total: number, single: boolean): string[] {
  const shown: string[] = counts.map((n) => (n < SMALL_CELL_THRESHOLD ? SUPPRESSED : String(n)));
  if (!single) return shown;
  // A lone hidden cell equals the total minus the others: hide the smallest shown one with it.
  for (;;) {
    const hidden = shown.map((s, i) => (s === SUPPRESSED || s === HIDDEN ? i : -1)).filter((i) => i >= 0);
    const rest = total - counts.reduce((sum, n, i) => (hidden.includes(i) ? sum : sum + n), 0);
    const allSmall = hidden.every((i) => shown[i] === SUPPRESSED);
    // Pinned: one hidden cell that is not zero, or every hidden cell small and each at its most (4).
    const pinned =
      (hidden.length === 1 && rest > 0) ||
      (hidden.length > 1 && allSmall && rest === hidden.length * (SMALL_CELL_THRESHOLD - 1));
    const open = shown.map((_, i) => i).filter((i) => !hidden.includes(i));
    if (!pinned || open.length === 0) return shown;
    const smallest = open.reduce((a, b) => (counts[b]! < counts[a]! ? b : a));
    shown[smallest] = HIDDEN;
  }
}

export function summariseExperience(answers: readonly ExperienceAnswers[]): ExperienceSection {
  const total = answers.length;
  if (total < SMALL_CELL_THRESHOLD) return { tooFew: true, total, questions: [] };
  return {
    tooFew: false,
    total,
    questions: QUESTIONS.map((q) => {
      const counts = q.choices.map((c) => answers.filter(c.count).length);
      const published = publish(counts, total, q.single);
      return {
        code: q.code,
        label: q.label,
        cells: q.choices.map((c, i) => ({ code: c.code, label: c.label, count: published[i]! })),
      };
    }),
  };
}

/** The section of the semester report's Markdown. */
export function experienceMarkdown(section: ExperienceSection): string[] {
  const lines = [
    '## Ervaring van slachtoffers',
    '',
    'Antwoorden van slachtoffers die na afloop een paar vragen over de hulp beantwoordden (met hun toestemming, anoniem), bij meldingen van dit semester.',
    '',
  ];
  if (section.tooFew)
    return [...lines, `Te weinig antwoorden (minder dan ${SMALL_CELL_THRESHOLD}): niets gepubliceerd.`, ''];
  lines.push(`Aantal antwoorden: ${section.total}.`, '');
  for (const q of section.questions) {
    lines.push(
      `| ${q.label} | Aantal |`,
      '| ------ | -----: |',
      ...q.cells.map((c) => `| ${c.label} | ${c.count} |`),
      '',
    );
  }
  return lines;
}

/** The section's CSV lines, beside the figures' (`ervaring_<question>_<choice>`). */
export function experienceCsvLines(regionId: string, semester: string, section: ExperienceSection): string[] {
  if (section.tooFew) return [[regionId, semester, 'ervaring_antwoorden', SUPPRESSED, ''].join(',')];
  return [
    [regionId, semester, 'ervaring_antwoorden', String(section.total), ''].join(','),
    ...section.questions.flatMap((q) =>
      q.cells.map((c) => [regionId, semester, `ervaring_${q.code}_${c.code}`, c.count, ''].join(',')),
    ),
  ];
}
