/**
 * The case timeline says a withdrawal during a transfer in the reader's words, never the value the
 * workflow records ("ingetrokken tijdens overdracht" would stand in Dutch on an English page).
 */
import { translator } from '../../i18n';
import { decisionWords } from '../../web/views/decisionWords';
import type { CaseState, DecisionRecord } from '../../workflows/messages';

const state = { reference: 'CSG-LIM-2026-000123' } as CaseState;
const withdrawal = (value: string): DecisionRecord =>
  ({ type: 'intrekking', by: 'cm-017', at: '2026-11-30T10:00:00.000Z', value }) as DecisionRecord;

test.each([
  ['nl', 'tijdens de overdracht naar een andere regio'],
  ['en', 'during the transfer to another region'],
] as const)('%s: a withdrawal during a transfer', (lang, words) => {
  expect(decisionWords(translator(lang), withdrawal('ingetrokken tijdens overdracht'), state)).toBe(words);
});

test('a plain withdrawal needs no words beside its label', () => {
  expect(decisionWords(translator('en'), withdrawal('ingetrokken'), state)).toBe('');
});
