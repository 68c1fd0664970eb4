/**
 * What ops read of a case in the Temporal UI: the current details the workflow keeps and the
 * summary and details fixed at start. Codes in words in both languages, Markdown that cannot run
 * away on an underscore, and Dutch time (summer and winter) where the UI used to show UTC.
 */
import { describeWaiting, type DetailsCase } from '../../workflows/opsDetails';
import { staticSummaryOf } from '../../cases/meldingClient';
import { dutchOffsetMinutes, formatDutchTime } from '../../domain/dutchClock';
import { offsetMinutes } from '../../domain/dutchTime';
import { formatLocal } from '../../domain/localTime';
import { rawCodesIn } from '../../testkit/rawCodes';

const winter = Date.parse('2026-11-24T10:15:00Z');
const summer = Date.parse('2026-07-15T10:15:00Z');

function waitingCase(over: Partial<DetailsCase> = {}): DetailsCase {
  return {
    regionId: 'limburg',
    phase: 'acute_zorg',
    triageWindow: 'binnen_72_uur',
    open: [
      {
        role: 'forensisch_arts',
        tier: 'primary',
        since: winter,
        dueBy: winter + 3600_000,
        escalationLevel: 0,
      },
      {
        role: 'acute_medische_zorg',
        tier: 'backup',
        since: summer,
        dueBy: summer + 7200_000,
        escalationLevel: 1,
      },
    ],
    ...over,
  };
}

/** The Dutch paragraphs and the English ones (in italics) of a details text. */
function split(text: string): { nl: string[]; en: string[] } {
  const paragraphs = text.split('\n\n');
  return {
    nl: paragraphs.filter((p) => !p.startsWith('_')),
    en: paragraphs.filter((p) => p.startsWith('_')),
  };
}

/** Underscores and asterisks that Markdown would read as emphasis: those not escaped by a backslash. */
const unescapedMarks = (text: string) =>
  text
    .replace(/\\[_*]/g, '')
    .replace(/\*\*/g, '')
    .match(/[_*]/g) ?? [];

describe('the current details', () => {
  it('name partners, tiers, phase and triage in words, Dutch first and English beside it', () => {
    const { nl, en } = split(describeWaiting(waitingCase()));
    expect(nl.join('\n')).toContain('**Fase:** acute zorg');
    expect(nl.join('\n')).toContain('Wacht op **forensisch arts** (piket)');
    expect(nl.join('\n')).toContain('Wacht op **acute medische zorg** (achterwacht)');
    expect(en.join('\n')).toContain('Waiting for forensic doctor (on call)');
    expect(rawCodesIn(nl.join('\n'), 'nl')).toEqual([]);
    expect(rawCodesIn(en.join('\n'), 'en')).toEqual([]);
  });

  it('give each time in Dutch time, summer and winter, never UTC', () => {
    const text = describeWaiting(waitingCase());
    expect(text).toContain('sinds 24-11-2026, 11:15; termijn 24-11-2026, 12:15 (Nederlandse tijd)');
    expect(text).toContain('since 15-07-2026, 12:15; due 15-07-2026, 14:15 (Dutch time)');
    expect(text).not.toMatch(/UTC|T\d\d:\d\d/);
  });

  it('keep their Markdown: a code the catalogue does not know yet is escaped, each English line one italic', () => {
    const text = describeWaiting(
      waitingCase({
        open: [
          { role: 'nieuwe_partner', tier: 'nieuw_niveau', since: winter, dueBy: winter, escalationLevel: 0 },
        ],
      }),
    );
    expect(text).toContain('nieuwe\\_partner');
    const { nl, en } = split(text);
    for (const p of nl) expect(unescapedMarks(p)).toEqual([]);
    for (const p of en) {
      expect(p.endsWith('_')).toBe(true);
      expect(unescapedMarks(p.slice(1, -1))).toEqual([]);
    }
  });

  it('say where a partner’s task stands, with the appointment’s Dutch time', () => {
    const text = describeWaiting(
      waitingCase({
        tasks: [
          { role: 'forensisch_arts', state: 'gepland', appointmentAt: winter },
          { role: 'acute_medische_zorg', state: 'niet_uitgevoerd' },
        ],
      }),
    );
    expect(text).toContain(
      'Taak van **forensisch arts**: Gepland, afspraak 24-11-2026, 11:15 (Nederlandse tijd).',
    );
    expect(text).toContain('Taak van **acute medische zorg**: Niet uitgevoerd.');
    expect(text).toContain('Task of forensic doctor: Scheduled, appointment 24-11-2026, 11:15 (Dutch time).');
    const { nl, en } = split(text);
    expect(rawCodesIn(nl.join('\n'), 'nl')).toEqual([]);
    expect(rawCodesIn(en.join('\n'), 'en')).toEqual([]);
  });

  it('say how a closed case ended, in words', () => {
    const text = describeWaiting(waitingCase({ phase: 'afgesloten', open: [], outcome: 'verwezen_ggz' }));
    expect(text).toContain('Afgesloten: verwezen naar de GGZ.');
    expect(rawCodesIn(text, 'en')).toEqual([]);
  });
});

describe('the summary and details fixed at start', () => {
  it('name the channel and the triage window in words', () => {
    const { staticSummary, staticDetails } = staticSummaryOf(
      'CSG-LIM-2026-000123',
      'limburg',
      'verwijzing_huisarts',
      {
        window: 'binnen_72_uur',
        acute: true,
      } as Parameters<typeof staticSummaryOf>[3],
    );
    expect(staticSummary).toBe(
      'Melding CSG-LIM-2026-000123 · regio limburg · Acuut: binnen 72 uur na het incident',
    );
    expect(staticDetails).toContain('binnengekomen via: Verwijzing door huisarts.');
    expect(rawCodesIn(staticSummary, 'nl')).toEqual([]);
    expect(rawCodesIn(staticDetails, 'en')).toEqual([]);
    for (const p of staticDetails.split('\n\n')) expect(unescapedMarks(p.replace(/^_|_$/g, ''))).toEqual([]);
  });
});

describe('Dutch time without time-zone data', () => {
  it('agrees with the time-zone database around every switch of 2024 to 2035, and mid-month', () => {
    const disagreements: string[] = [];
    const instants: number[] = [];
    for (let year = 2024; year <= 2035; year++) {
      // The switches fall at 01:00 UTC on a Sunday late in March and October: every day of those
      // months just before and at that moment, and the middle of every month.
      for (const month of [2, 9])
        for (let day = 1; day <= 31; day++)
          instants.push(Date.UTC(year, month, day, 0, 59, 59), Date.UTC(year, month, day, 1));
      for (let month = 0; month < 12; month++) instants.push(Date.UTC(year, month, 15, 12));
    }
    for (const ms of instants) {
      if (dutchOffsetMinutes(ms) !== offsetMinutes(new Date(ms)))
        disagreements.push(new Date(ms).toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('writes a time as the pages write it', () => {
    for (const ms of [winter, summer, Date.parse('2026-12-31T23:30:00Z')])
      expect(formatDutchTime(ms)).toBe(formatLocal(new Date(ms).toISOString()));
  });
});
