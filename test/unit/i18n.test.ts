/**
 * The two catalogues: Dutch is the source, and English must have every key, non-empty, with the
 * same placeholders; a missing text fails here before a person ever sees a raw key. Plus the
 * choice of language from a browser's Accept-Language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_ROLES, REQUEST_KINDS } from '../../domain/types';
import {
  AGE_BANDS,
  CALLER_ROLES,
  CHECK_IN_OUTCOMES,
  DECLINE_REASONS,
  GENDERS,
  INTAKE_CHANNELS,
  NOT_DONE_REASONS,
  TASK_OUTCOMES,
  TASK_STATES,
  TRIAGE_WINDOWS,
  WISHES,
  YES_NO_UNKNOWN,
} from '../../domain/vocabulary';
import { preferredLanguage, translator } from '../../i18n';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { noteText } from '../../web/views/partnerPage';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const dutch = flatten(nl as unknown as Tree);
const english = flatten(en as unknown as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

test('every Dutch key has an English text, and English has no key Dutch lacks', () => {
  const missing = [...dutch.keys()].filter((key) => !english.get(key)?.trim());
  const extra = [...english.keys()].filter((key) => !dutch.has(key));
  expect(missing).toEqual([]);
  expect(extra).toEqual([]);
  expect(dutch.size).toBeGreaterThan(200);
});

test('no text is empty, and both languages use the same placeholders', () => {
  const empty = [...dutch].filter(([, text]) => text.trim() === '').map(([key]) => key);
  expect(empty).toEqual([]);
  const differing = [...dutch.keys()].filter(
    (key) => placeholders(dutch.get(key)!).join() !== placeholders(english.get(key) ?? '').join(),
  );
  expect(differing).toEqual([]);
});

test('the translator finds every key in both languages (no raw key comes back)', () => {
  for (const lang of ['nl', 'en'] as const) {
    const t = translator(lang);
    const plural = (key: string) => key.replace(/_(one|other)$/, '');
    const raw = [...dutch.keys()].map(plural).filter((key) => t(key, { count: 2 }) === key);
    expect(raw).toEqual([]);
  }
});

test('every request kind and partner role the engine knows has its words in the catalogue', () => {
  for (const kind of REQUEST_KINDS) {
    expect(dutch.get(`request.kinds.${kind}`)).toBeDefined();
    expect(dutch.get(`message.kinds.${kind}.sms`)).toBeDefined();
  }
  for (const role of PARTNER_ROLES) expect(dutch.get(`request.roles.${role}`)).toBeDefined();
});

test.each([
  ['form.channels', INTAKE_CHANNELS],
  ['form.callers', CALLER_ROLES],
  ['form.ageBands', AGE_BANDS],
  ['form.genders', GENDERS],
  ['form.earlierAbuseChoices', YES_NO_UNKNOWN],
  ['form.choices', WISHES],
  ['triage.windows', TRIAGE_WINDOWS],
  ['partner.outcomes', CHECK_IN_OUTCOMES],
  ['tasks.states', TASK_STATES],
  ['tasks.declineReasons', DECLINE_REASONS],
  ['tasks.outcomes', TASK_OUTCOMES],
  ['tasks.notDoneReasons', NOT_DONE_REASONS],
] as const)('every value of the domain list shown under %s has its words', (group, list) => {
  for (const value of list) expect(dutch.get(`${group}.${value}`)).toBeDefined();
});

test('plurals follow the language', () => {
  expect(translator('nl')('form.summary', { count: 1 })).toBe('Controleer 1 veld');
  expect(translator('nl')('form.summary', { count: 3 })).toBe('Controleer 3 velden');
  expect(translator('en')('form.summary', { count: 1 })).toBe('Check 1 field');
});

test.each([
  [undefined, 'nl'],
  ['', 'nl'],
  ['en-GB,en;q=0.9', 'en'],
  ['de-DE,de;q=0.9,en;q=0.8,nl;q=0.7', 'en'],
  ['fr-BE,nl-BE;q=0.8,en;q=0.5', 'nl'],
  ['de', 'nl'],
  ['en;q=0, nl', 'nl'],
])('Accept-Language %p → %s', (header, expected) => {
  expect(preferredLanguage(header)).toBe(expected);
});

test("the workflow's Dutch notes are shown in English on an English partner page", () => {
  // Every note literal the workflow writes (a `note:` or a `noteFor` in workflows/), read from its
  // source so a new note without a translation fails here.
  const dir = join(__dirname, '..', '..', 'workflows');
  const source = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
  const literals = [
    ...source.matchAll(/(?:note:|noteFor = \(\w+: \w+\) =>)\s*([\s\S]*?)(?:;\n|,\n|\n\s*}\s*\))/g),
  ]
    .flatMap((m) => [...m[1]!.matchAll(/'([^']+)'|`([^`]+)`/g)])
    .map((m) => (m[1] ?? m[2]!).replace(/\$\{[^}]+\}/g, '7'));
  expect(literals.length).toBeGreaterThanOrEqual(10);
  const ui = { t: translator('en'), lang: 'en' as const, switchHref: '/' };
  const untranslated = literals.filter((note) => noteText(ui, note) === note);
  expect(untranslated).toEqual([]);
});
