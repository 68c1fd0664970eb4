/**
 * The ops page says why the case refused an action in the reader's words, for each refusal the
 * workflow gives (workflows/opsActions.ts), and never the workflow's English or its codes.
 */
import { translator } from '../../i18n';
import { opsRefusalText } from '../../web/views/opsRefusals';

const refusals = [
  ['(besluit)', 'the case is closing or closed (afgerond); nothing to move on', 'closed'],
  ['requestId', 'requestId: unknown request "bestaat_niet"', 'requestUnknown'],
  [
    'requestId',
    'requestId: expected the id of an open request, e.g. "casemanager_overdracht"',
    'requestUnknown',
  ],
  ['requestId', 'requestId: request "fmo" is already acknowledged', 'requestDone'],
  ['(besluit)', 'the casemanager handover is already acknowledged', 'handoverNotOpen'],
  [
    'toTier',
    'toTier: the handover already awaits the backup casemanager; use resendRequest to notify again',
    'alreadyAwaits',
  ],
  ['toTier', "toTier: this region's handover ladder has no backup step", 'noStep'],
] as const;

test.each(refusals)('%s "%s" in words', (field, message, key) => {
  for (const lang of ['nl', 'en'] as const) {
    const t = translator(lang);
    const text = opsRefusalText(t, { field, message });
    expect(text).toBe(t(`ops.refusals.${key}`));
    expect(text).not.toMatch(/_|primary|backup|acknowledged/);
  }
});

test('a refusal the page does not know names its field, in the reader’s language', () => {
  expect(opsRefusalText(translator('nl'), { field: 'reason', message: 'something new' })).toContain(
    '(reason)',
  );
  expect(opsRefusalText(translator('en'), { field: 'reason', message: 'something new' })).toMatch(
    /^The melding refused/,
  );
});
