/**
 * The victim's page of questions about the help received: answers stored with region and semester
 * only (no reference, no link, no time), one answer per link, an expired or broken link a plain
 * page, and a wrong answer the form again with the question named and nothing stored.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { createLogger } from '../../config/logger';
import { createExperienceLinks } from '../../cases/experienceLinks';
import { openExperienceStore, type ExperienceStore } from '../../reporting/experienceStore';
import { TEST_CONFIG } from '../../testkit/intakeHarness';
import { testAccounts } from '../../testkit/staffAccounts';
import { buildServer } from '../../web/server';

const REF = 'CSG-LIM-2026-777001';
const DAY = 24 * 3600_000;
const pathAndQuery = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
const links = createExperienceLinks({
  baseUrl: TEST_CONFIG.PUBLIC_BASE_URL,
  secret: TEST_CONFIG.LINK_SECRET,
});
const linkOf = (
  meldingRef: string,
  language: 'nl' | 'en' = 'nl',
  expiresAt = new Date(Date.now() + 30 * DAY),
) =>
  pathAndQuery(
    links.inviteUrl({ meldingRef, regionId: 'limburg', semester: '2026-H2', language, expiresAt }),
  );

let dbPath: string;
let store: ExperienceStore;
async function server() {
  return buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    logger: createLogger({ level: 'silent' }),
    meldingen: {} as never,
    accounts: await testAccounts(TEST_CONFIG),
    experience: store,
  });
}
beforeEach(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'csg-ervaring-')), 'ervaring.db');
  store = openExperienceStore(dbPath);
});
afterEach(() => store.close());

const form = (fields: Record<string, string | string[]>) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]): Array<[string, string]> =>
      Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
    ),
  ).toString();
const post = (
  app: Awaited<ReturnType<typeof server>>,
  url: string,
  fields: Record<string, string | string[]>,
) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
const GOOD = { heard: '4', quick: '2', recommend: 'ja', help: ['casemanager', 'medische_zorg'] };

test('the link opens the questions in the victim’s language, the switch staying on the page without a cookie', async () => {
  const app = await server();
  const link = linkOf(REF, 'en');
  const page = await app.inject({ method: 'GET', url: link });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<html lang="en"');
  expect(page.body).toContain('Did you feel heard?');
  expect(page.body).not.toContain(REF);
  expect(page.headers['set-cookie']).toBeUndefined();
  const path = link.split('?')[0]!;
  expect(page.body).toContain(`href="${path}?taal=nl"`);
  const dutch = await app.inject({ method: 'GET', url: `${path}?taal=nl` });
  expect(dutch.body).toContain('Voelde u zich gehoord?');
});

test('valid answers are stored with region and semester only, nothing that leads back to the case', async () => {
  const app = await server();
  const done = await post(app, linkOf(REF), GOOD);
  expect(done.statusCode).toBe(200);
  expect(done.body).toContain('Dank u wel');
  expect(store.answers('limburg', '2026-H2')).toEqual([
    {
      regionId: 'limburg',
      semester: '2026-H2',
      heard: '4',
      quick: '2',
      recommend: 'ja',
      help: ['casemanager', 'medische_zorg'],
    },
  ]);
  store.close();
  const file =
    readFileSync(dbPath).toString('latin1') +
    (existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).toString('latin1') : '');
  expect(file).not.toContain(REF);
  const token = linkOf(REF).split('/').pop()!.split('?')[0]!;
  expect(file).not.toContain(token.split('.')[0]!.slice(0, 20));
  const year = new Date().getUTCFullYear();
  // No date beside the semester in the answers (the used link keeps only its expiry day, apart).
  expect(file).not.toMatch(new RegExp(`${year}-\\d\\d-\\d\\dT`));
  store = openExperienceStore(dbPath);
});

test('a second submission through the same link is refused and stores nothing', async () => {
  const app = await server();
  const link = linkOf(REF);
  expect((await post(app, link, GOOD)).statusCode).toBe(200);
  const again = await post(app, link, { ...GOOD, heard: '1' });
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain('Deze vragen zijn al beantwoord');
  const reopened = await app.inject({ method: 'GET', url: link });
  expect(reopened.statusCode).toBe(409);
  expect(reopened.body).not.toContain('<form');
  expect(store.answers('limburg', '2026-H2')).toHaveLength(1);
  // Another victim's link still works.
  expect((await post(app, linkOf('CSG-LIM-2026-777002'), GOOD)).statusCode).toBe(200);
  expect(store.answers('limburg', '2026-H2')).toHaveLength(2);
});

test('an expired link is a plain page; a tampered one too; neither stores anything', async () => {
  const app = await server();
  const expired = linkOf(REF, 'nl', new Date(Date.now() - 1000));
  const page = await app.inject({ method: 'GET', url: expired });
  expect(page.statusCode).toBe(410);
  expect(page.body).toContain('Deze link werkt niet meer');
  expect(page.body).not.toContain('<form');
  expect((await post(app, expired, GOOD)).statusCode).toBe(410);
  const tampered = linkOf(REF).replace(/\.[A-Za-z0-9_-]{4}/, '.AAAA');
  expect((await app.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
  expect(store.answers('limburg', '2026-H2')).toEqual([]);
});

test('a missing or wrong answer: the form again, the question named, the choices kept, nothing stored', async () => {
  const app = await server();
  const link = linkOf(REF);
  const wrong = await post(app, link, { heard: '7', recommend: 'ja', help: ['casemanager', 'iets_anders'] });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.body).toContain('Er zijn 3 vragen nog niet goed beantwoord');
  expect(wrong.body).toContain('Kies bij &quot;Voelde u zich gehoord?&quot; een cijfer van 1 tot 5.');
  expect(wrong.body).toContain('Kies bij &quot;Kwam de hulp snel genoeg?&quot; een cijfer van 1 tot 5.');
  expect(wrong.body).toContain('Kies bij &quot;Welke hulp kreeg u?&quot; alleen uit de lijst.');
  expect(wrong.body).not.toContain('Kies bij &quot;Zou u deze hulp aanraden?&quot;');
  expect(wrong.body).toMatch(/id="recommend-ja"[^>]*checked/);
  expect(wrong.body).toMatch(/id="help-casemanager"[^>]*checked/);
  expect(store.answers('limburg', '2026-H2')).toEqual([]);
  // Still open for a right answer.
  expect((await post(app, link, GOOD)).statusCode).toBe(200);
});
