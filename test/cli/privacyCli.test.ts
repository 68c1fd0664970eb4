/**
 * The privacy officer's commands without a server: what the person at the terminal is told for
 * each outcome of the privacy service, and that a wrong language or an id without a role changes
 * nothing (the service is not even asked).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Staff } from '../../domain/access';
import type { CaseExport, PrivacyService } from '../../cases/privacy';
import { runPrivacyCommand } from '../../cli/privacy';

const officer: Staff = { id: 'priv-1', role: 'privacy', regions: ['limburg'] };
const REF = 'CSG-LIM-2026-000123';

function run(
  command: string,
  service: Partial<PrivacyService>,
  options: { taal?: string; uit?: string } = {},
  staff: Staff | null = officer,
) {
  const out: string[] = [];
  const err: string[] = [];
  let asked = 0;
  const privacy = () => {
    asked += 1;
    return { service: service as PrivacyService, close: () => undefined };
  };
  return runPrivacyCommand(command, [REF], {
    privacy,
    staff: staff ?? undefined,
    by: staff?.id ?? 'stranger',
    options,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n'), asked }));
}

const DOC: CaseExport = {
  reference: REF,
  exportedAt: '2026-11-30T10:00:00.000Z',
  exportedBy: 'priv-1',
  lang: 'en',
  held: { bezorglog: { verzendingen: [] } },
  notIncluded: [{ code: 'dossier', text: 'The case file: it does not exist in this system yet.' }],
};

test('export writes the JSON and the document, readable by the owner only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-privacy-cli-'));
  try {
    const done = await run(
      'export',
      { exportCase: async () => ({ status: 'ok', document: DOC }) },
      { taal: 'en', uit: dir },
    );
    expect(done.code).toBe(0);
    const html = readFileSync(join(dir, `inzage-${REF}.html`), 'utf8');
    expect(html).toContain(`Access to melding ${REF}`);
    expect(JSON.parse(readFileSync(join(dir, `inzage-${REF}.json`), 'utf8'))).toEqual(DOC);
    expect(statSync(join(dir, `inzage-${REF}.json`)).mode & 0o077).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a language other than nl or en, or an id without a role: refused before the service is asked', async () => {
  expect(await run('export', {}, { taal: 'de' })).toMatchObject({ code: 2, asked: 0 });
  const stranger = await run('wissen', {}, {}, null);
  expect(stranger).toMatchObject({ code: 1, asked: 0 });
  expect(stranger.err).toContain('geen rol');
});

test('approval: no request, the requester, another region, and done', async () => {
  const approve = (outcome: Awaited<ReturnType<PrivacyService['approveErasure']>>) =>
    run('wissen-goedkeuren', { approveErasure: async () => outcome });
  expect((await approve({ status: 'no_request' })).err).toContain('niemand heeft het wissen');
  const self = await approve({
    status: 'same_person',
    request: { reference: REF, requestedBy: 'priv-1', requestedAt: '2026-11-30T09:00:00.000Z' },
  });
  expect(self).toMatchObject({ code: 1 });
  expect(self.err).toContain('een andere privacyfunctionaris moet goedkeuren');
  expect(await approve({ status: 'not_found' })).toMatchObject({ code: 1, err: `Geen melding ${REF}` });
  const erased = await approve({
    status: 'erased',
    receipt: {
      referenceHash: 'ab'.repeat(32),
      requestedBy: 'priv-2',
      requestedAt: '2026-11-30T09:00:00.000Z',
      approvedBy: 'priv-1',
      erasedAt: '2026-11-30T10:00:00.000Z',
      removed: { bezorglog: { verzendingen: 3 }, temporal: { workflow: 1 } },
    },
  });
  expect(erased.code).toBe(0);
  expect(erased.out).toContain('bezorglog: verzendingen 3');
  expect(erased.out).not.toContain(`Bewijs van wissen ${REF}`);
});
