/**
 * The questions a victim answers about the help received (web/experiencePages.ts), as codes: two
 * scales of 1 to 5, a yes/no/don't know, and which help they got. No free text: a sentence could
 * name a person, a place or a day. Pure: the page parses with it, the report counts with it.
 */

export const SCALE = ['1', '2', '3', '4', '5'] as const;
export type ScaleAnswer = (typeof SCALE)[number];
export const RECOMMEND_CHOICES = ['ja', 'nee', 'weet_niet'] as const;
export type RecommendAnswer = (typeof RECOMMEND_CHOICES)[number];
export const HELP_KINDS = [
  'casemanager',
  'medische_zorg',
  'forensisch_onderzoek',
  'politie',
  'psychische_hulp',
] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** The fields of the form, in the order the page asks them. */
export const EXPERIENCE_FIELDS = ['heard', 'quick', 'recommend', 'help'] as const;
export type ExperienceField = (typeof EXPERIENCE_FIELDS)[number];

/** One victim's answers: codes only. */
export interface ExperienceAnswers {
  /** Did they feel heard (1 not at all .. 5 completely). */
  heard: ScaleAnswer;
  /** Did the help come quickly enough (1 .. 5). */
  quick: ScaleAnswer;
  recommend: RecommendAnswer;
  /** The help they say they received; may be empty. */
  help: HelpKind[];
}

/** The posted form as the page shows it back: what was chosen, so nothing has to be chosen again. */
export interface ExperienceFormValues {
  heard?: string;
  quick?: string;
  recommend?: string;
  help: string[];
}

export type ParsedExperience =
  | { ok: true; answers: ExperienceAnswers }
  | { ok: false; problems: ExperienceField[]; values: ExperienceFormValues };

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** A form body (strings, or a list for the repeated checkbox) as answers, or the fields that are wrong. */
export function parseExperienceForm(body: Record<string, unknown>): ParsedExperience {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const helpRaw = body.help === undefined ? [] : Array.isArray(body.help) ? body.help : [body.help];
  const values: ExperienceFormValues = {
    ...(text(body.heard) !== undefined ? { heard: text(body.heard)! } : {}),
    ...(text(body.quick) !== undefined ? { quick: text(body.quick)! } : {}),
    ...(text(body.recommend) !== undefined ? { recommend: text(body.recommend)! } : {}),
    help: helpRaw.filter((h): h is string => typeof h === 'string'),
  };
  const problems: ExperienceField[] = [];
  if (!oneOf(SCALE, body.heard)) problems.push('heard');
  if (!oneOf(SCALE, body.quick)) problems.push('quick');
  if (!oneOf(RECOMMEND_CHOICES, body.recommend)) problems.push('recommend');
  const help = helpRaw.filter((h) => oneOf(HELP_KINDS, h));
  if (help.length !== helpRaw.length || new Set(help).size !== help.length) problems.push('help');
  if (problems.length > 0) return { ok: false, problems, values };
  return {
    ok: true,
    answers: {
      heard: body.heard as ScaleAnswer,
      quick: body.quick as ScaleAnswer,
      recommend: body.recommend as RecommendAnswer,
      // In the list's order: the stored row says nothing about the order they were ticked in.
      help: HELP_KINDS.filter((k) => help.includes(k)),
    },
  };
}
