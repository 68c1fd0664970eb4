/**
 * Reading a case back from its case file (cases/caseFromFile.ts): the state is the newest
 * record's, the victim's details are the intake's with every correction laid over them in order,
 * the timeline names each record, and a file that lacks a kind (or a part of a record) still reads.
 */
import { caseFromFile, laidOver } from '../../cases/caseFromFile';
import { archivedCaseRecords, fileRecord } from '../../testkit/caseFileRecords';
import { caseStateOf } from '../../testkit/caseStates';
import { buildIntake } from '../../testkit/meldingFixtures';

const intake = buildIntake({
  victimContact: {
    name: 'Hendrika Poelgeest',
    phone: '+31611122233',
    email: 'h.poelgeest@voorbeeld.example',
  },
  practicalNotes: 'Na 18 uur bellen',
});
const ref = intake.reference;

test('a whole file: the closed state, the corrected details and a timeline line per record', () => {
  const read = caseFromFile(archivedCaseRecords(intake, { correctedPhone: '+31699988877' }))!;
  expect(read.state.phase).toBe('afgesloten');
  expect(read.state.outcome).toBe('afgerond');
  expect(read.writtenAt).toBe('2026-03-02T14:00:00.000Z');
  expect(read.details?.victimContact).toEqual({
    name: 'Hendrika Poelgeest',
    phone: '+31699988877',
    email: 'h.poelgeest@voorbeeld.example',
  });
  expect(read.details?.practicalNotes).toBe('Na 18 uur bellen');
  expect(read.timeline.map((e) => e.kind)).toEqual([
    'intake',
    'triage',
    'partnerverzoek',
    'partnerverzoek_uitkomst',
    'correctie',
    'checkin',
    'afsluiting',
  ]);
  // The outcome of a request names the request it answers.
  expect(read.timeline[3]).toMatchObject({
    status: 'acknowledged',
    requestKind: 'casemanager_overdracht',
    role: 'casemanager',
    by: 'cm-017',
  });
  expect(read.timeline[4]).toMatchObject({ fields: ['phone'], reason: 'gewijzigd', by: 'cm-017' });
  expect(read.timeline[5]).toMatchObject({ reached: true, outcome: 'gaat_goed' });
  expect(read.timeline[6]).toMatchObject({ outcome: 'afgerond' });
});

test('corrections are laid over in their order, by time; at equal times in the order written', () => {
  const state = caseStateOf(ref);
  const correction = (id: string, at: string, values: Record<string, unknown>) =>
    fileRecord('correctie', `correctie/${id}`, at, {
      state,
      correction: { fields: Object.keys(values), values, reason: 'invoerfout', updateId: id },
    });
  const read = caseFromFile([
    // Handed over out of time order: the reader orders by time itself.
    correction('u-3', '2026-03-03T10:00:00Z', { phone: '+31633333333', safeToEmail: true }),
    fileRecord('intake', 'intake', '2026-03-01T10:00:00Z', { state, intake }),
    correction('u-1', '2026-03-02T10:00:00Z', { phone: '+31611111111', language: 'ar' }),
    correction('u-2', '2026-03-02T10:00:00Z', { phone: '+31622222222', interpreterNeeded: true }),
    correction('u-4', '2026-03-04T10:00:00Z', { victimContact: { email: 'nieuw@voorbeeld.example' } }),
  ])!;
  expect(read.details?.victimContact).toEqual({
    name: 'Hendrika Poelgeest',
    phone: '+31633333333',
    email: 'nieuw@voorbeeld.example',
  });
  expect(read.details).toMatchObject({
    language: 'ar',
    interpreterNeeded: true,
    contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: true },
  });
  expect(read.timeline.map((e) => e.at.slice(0, 10))).toEqual([
    '2026-03-01',
    '2026-03-02',
    '2026-03-02',
    '2026-03-03',
    '2026-03-04',
  ]);
});

test('the state is the newest record’s, whatever its kind', () => {
  const read = caseFromFile([
    fileRecord('intake', 'intake', '2026-03-01T10:00:00Z', {
      state: caseStateOf(ref, { phase: 'triage' }),
      intake,
    }),
    fileRecord('checkin', 'checkin/u-9', '2026-03-09T10:00:00Z', {
      state: caseStateOf(ref, { phase: 'watchful_waiting', casemanager: 'cm-2' }),
      checkIn: { reached: false, by: 'cm-2' },
    }),
    fileRecord('besluit', 'besluit/u-5', '2026-03-05T10:00:00Z', {
      state: caseStateOf(ref, { phase: 'casemanager_overdracht' }),
      decision: { type: 'politiewens', input: { wish: 'nee' }, by: 'cm-1', updateId: 'u-5' },
    }),
  ])!;
  expect(read.state).toMatchObject({ phase: 'watchful_waiting', casemanager: 'cm-2' });
  expect(read.writtenAt).toBe('2026-03-09T10:00:00Z');
  expect(read.timeline.map((e) => e.kind)).toEqual(['intake', 'besluit', 'checkin']);
  expect(read.timeline[1]).toMatchObject({ type: 'politiewens', by: 'cm-1' });
  expect(read.timeline[2]).toMatchObject({ reached: false, by: 'cm-2' });
});

test('absent kinds: no intake still reads (details from the corrections alone), none at all has no details', () => {
  const state = caseStateOf(ref, { phase: 'afgesloten', outcome: 'ingetrokken' });
  const withoutIntake = caseFromFile([
    fileRecord('correctie', 'correctie/u-1', '2026-03-02T10:00:00Z', {
      state,
      correction: {
        fields: ['phone'],
        values: { phone: '+31644444444' },
        reason: 'gewijzigd',
        updateId: 'u-1',
      },
    }),
  ])!;
  expect(withoutIntake.details).toEqual({ victimContact: { phone: '+31644444444' } });
  expect(withoutIntake.state.outcome).toBe('ingetrokken');

  const closingOnly = caseFromFile([
    fileRecord('afsluiting', 'afsluiting', '2026-03-02T10:00:00Z', { state, closing: {} }),
  ])!;
  expect(closingOnly.details).toBeUndefined();
  expect(closingOnly.timeline).toEqual([{ at: '2026-03-02T10:00:00Z', kind: 'afsluiting' }]);
});

test('an empty file, or records without a state, is no case; a record missing its part still reads', () => {
  expect(caseFromFile([])).toBeUndefined();
  expect(
    caseFromFile([{ key: 'intake', kind: 'intake', at: '2026-03-01T10:00:00Z', data: { intake } }]),
  ).toBeUndefined();
  const odd = caseFromFile([
    { key: 'besluit/x', kind: 'besluit', at: '2026-03-01T10:00:00Z', data: { state: caseStateOf(ref) } },
    {
      key: 'partnerverzoek_uitkomst/y/cancelled',
      kind: 'partnerverzoek_uitkomst',
      at: '2026-03-01T11:00:00Z',
      data: { state: caseStateOf(ref), request: { id: 'y', status: 'cancelled' } },
    },
  ])!;
  expect(odd.timeline).toEqual([
    { at: '2026-03-01T10:00:00Z', kind: 'besluit', type: '' },
    { at: '2026-03-01T11:00:00Z', kind: 'partnerverzoek_uitkomst', status: 'cancelled' },
  ]);
});

test('laying over keeps what a correction does not name', () => {
  expect(
    laidOver(
      { victimContact: { name: 'A', phone: '1' }, wishes: { police: 'ja', medicalCare: 'nee' } },
      { email: 'a@voorbeeld.example', medicalCare: 'ja', municipality: 'Venlo' },
    ),
  ).toEqual({
    victimContact: { name: 'A', phone: '1', email: 'a@voorbeeld.example' },
    wishes: { police: 'ja', medicalCare: 'ja' },
    municipality: 'Venlo',
  });
});
