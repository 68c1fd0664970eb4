/**
 * The victims' answers beside the semester figures: the number of answers and per question the
 * spread, any count under 5 as "< 5" (and a lone one's neighbour as "x", so it cannot be worked
 * out), and nothing at all below 5 answers ("te weinig antwoorden").
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExperienceAnswers } from '../../domain/experience';
import { experienceMarkdown, summariseExperience } from '../../domain/experienceSummary';
import { runReportCli } from '../../reporting/cli';
import { openExperienceStore } from '../../reporting/experienceStore';
import { openPublications } from '../../reporting/publications';
import { openReportStore } from '../../reporting/reportStore';
import { runSemesterReport } from '../../reporting/semesterRun';

const answer = (overrides: Partial<ExperienceAnswers> = {}): ExperienceAnswers => ({
  heard: '5',
  quick: '4',
  recommend: 'ja',
  help: ['casemanager'],
  ...overrides,
});
const times = (n: number, a: ExperienceAnswers) => Array.from({ length: n }, () => a);
const cells = (section: ReturnType<typeof summariseExperience>, question: string) =>
  Object.fromEntries(section.questions.find((q) => q.code === question)!.cells.map((c) => [c.code, c.count]));

test('fewer than 5 answers: the section says too few and shows no number', () => {
  const section = summariseExperience(times(4, answer()));
  expect(section.tooFew).toBe(true);
  const text = experienceMarkdown(section).join('\n');
  expect(text).toContain('Te weinig antwoorden');
  expect(text).not.toMatch(/\| \d/);
  expect(text).not.toContain('Aantal antwoorden');
});

test('counts under 5 show as "< 5", a lone one hides its smallest neighbour too', () => {
  const answers = [
    ...times(6, answer({ heard: '5', recommend: 'ja' })),
    ...times(5, answer({ heard: '4', recommend: 'nee', help: [] })),
    answer({ heard: '1', recommend: 'weet_niet', help: ['politie'] }),
  ];
  const section = summariseExperience(answers);
  expect(section).toMatchObject({ tooFew: false, total: 12 });
  // heard: 1 → 1, 2 → 0, 3 → 0, 4 → 5, 5 → 6: three small cells, their sum (1) pins none of them.
  expect(cells(section, 'gehoord')).toEqual({ '1': '< 5', '2': '< 5', '3': '< 5', '4': '5', '5': '6' });
  // recommend: ja 6, nee 5, weet niet 1: the lone small cell would be 12 - 6 - 5; "nee" is hidden too.
  expect(cells(section, 'aanbevelen')).toEqual({ ja: '6', nee: 'x', weet_niet: '< 5' });
  // help: several may be ticked, nothing adds up: only the small cells hidden.
  expect(cells(section, 'hulp')).toEqual({
    casemanager: '6',
    medische_zorg: '< 5',
    forensisch_onderzoek: '< 5',
    politie: '< 5',
    psychische_hulp: '< 5',
  });
  const text = experienceMarkdown(section).join('\n');
  expect(text).toContain('Aantal antwoorden: 12.');
  expect(text).toContain('| weet niet | < 5 |');
});

test('the semester report prints the section beside the figures, and keeps it hidden below 5', () => {
  const publications = openPublications(':memory:');
  const run = (n: number) =>
    runSemesterReport(
      {
        records: () => [],
        publications,
        now: new Date('2026-12-01T12:00:00Z'),
        experience: (regionId, semester) =>
          regionId === 'limburg' && semester === '2026-H2' ? times(n, answer()) : [],
      },
      'limburg',
      '2026-H2',
    );
  const few = run(3);
  expect(few.markdown).toContain('## Ervaring van slachtoffers');
  expect(few.markdown).toContain('Te weinig antwoorden');
  expect(few.csv).toContain('limburg,2026-H2,ervaring_antwoorden,< 5,');
  expect(few.csv).not.toContain('ervaring_gehoord');
  const enough = run(8);
  expect(enough.markdown).toContain('Aantal antwoorden: 8.');
  expect(enough.csv).toContain('limburg,2026-H2,ervaring_gehoord_5,8,');
  expect(enough.csv).toContain('limburg,2026-H2,ervaring_gehoord_1,< 5,');
  publications.close();
});

test('npm run report: the answers from EXPERIENCE_DB_PATH beside the figures, in the Markdown and the CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-ervaring-'));
  openReportStore(join(dir, 'r.db')).close();
  const experience = openExperienceStore(join(dir, 'e.db'));
  for (let i = 0; i < 6; i++) {
    experience.submit(`k${i}`, new Date('2026-12-31T00:00:00Z'), {
      regionId: 'limburg',
      semester: '2026-H2',
      ...answer(),
    });
  }
  experience.close();
  const out: string[] = [];
  const code = runReportCli(['--region', 'limburg', '--semester', '2026-H2', '--out', join(dir, 'out')], {
    env: { REPORT_DB_PATH: join(dir, 'r.db'), EXPERIENCE_DB_PATH: join(dir, 'e.db') },
    regionIds: ['limburg'],
    out: (t) => out.push(t),
    err: () => undefined,
    now: () => new Date('2026-11-30T12:00:00Z'),
  });
  expect(code).toBe(0);
  expect(out.join('\n')).toContain('Aantal antwoorden: 6.');
  const csv = readFileSync(join(dir, 'out', 'semestercijfers-limburg-2026-H2.csv'), 'utf8');
  expect(csv).toContain('limburg,2026-H2,ervaring_gehoord_5,6,');
  expect(csv).toContain('limburg,2026-H2,ervaring_gehoord_4,< 5,');
});
