/**
 * The development relay's copies as a case store, against maildev itself: the messages of one case
 * (by the reference in their subject) are listed for the export and deleted by the erasure, their
 * files gone from maildev's mail folder, while another case's messages stay.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { mailCopiesCaseStore } from '../../cases/privacy/mailCopiesStore';
import { startMaildev, type Maildev } from '../../testkit/maildev';
import { filesUnder, leaks, needlesOf } from '../../testkit/plantedData';

jest.setTimeout(60_000);

const ERASED = 'CSG-LIM-2026-482913';
const KEPT = 'CSG-LIM-2026-771204';
const PLANTED = 'Hendrikje Quakernaat';

const mailDir = mkdtempSync(join(tmpdir(), 'csg-mail-copies-'));
let maildev: Maildev;

beforeAll(async () => {
  maildev = await startMaildev(mailDir);
  const transport = createTransport({
    host: '127.0.0.1',
    port: maildev.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  for (const [reference, text] of [
    [ERASED, `Slachtoffer: ${PLANTED}`],
    [ERASED, 'Herinnering'],
    [KEPT, 'Slachtoffer: iemand anders'],
  ] as const) {
    await transport.sendMail({
      from: 'csg@example.org',
      to: 'zeden@politie.example',
      subject: `Melding ${reference}: verzoek`,
      text,
    });
  }
});
afterAll(async () => {
  await maildev?.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

test('lists and erases the messages of one case only, their files with them', async () => {
  const store = mailCopiesCaseStore({ baseUrl: maildev.webUrl });
  const held = (await store.held(ERASED)) as { berichten: Array<{ to: string[]; subject: string }> };
  expect(held.berichten).toHaveLength(2);
  expect(held.berichten[0]!.to).toEqual(['zeden@politie.example']);
  expect(
    leaks(
      needlesOf([PLANTED]),
      filesUnder(mailDir).map((f) => [f, readFileSync(f)]),
    ),
  ).not.toEqual([]);

  expect(await store.erase(ERASED)).toEqual({ berichten: 2 });
  expect(await store.held(ERASED)).toBeUndefined();
  expect(
    leaks(
      needlesOf([PLANTED, ERASED]),
      filesUnder(mailDir).map((f) => [f, readFileSync(f)]),
    ),
  ).toEqual([]);
  expect((await maildev.messages()).map((m) => m.subject)).toEqual([`Melding ${KEPT}: verzoek`]);
});
