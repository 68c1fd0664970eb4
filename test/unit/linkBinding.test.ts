/**
 * Which signed links may still act on a request: the rule the partner page and the workflow's
 * validators share.
 */
import { linkStanding } from '../../domain/linkBinding';

// A handover: primary at attempts 1 and 2 (a reminder), the backup since attempt 3.
const atBackup = { awaitedTier: 'backup' as const, attempt: 3, awaitedFromAttempt: 3 };
const atPrimaryReminder = { awaitedTier: 'primary' as const, attempt: 2, awaitedFromAttempt: 1 };

test('the link of the tier awaited now acts; a reminder keeps the first mail working', () => {
  expect(linkStanding(atBackup, { tier: 'backup', attempt: 3 })).toBe('awaited');
  expect(linkStanding(atPrimaryReminder, { tier: 'primary', attempt: 1 })).toBe('awaited');
  expect(linkStanding(atPrimaryReminder, { tier: 'primary', attempt: 2 })).toBe('awaited');
});

test('after an escalation or a reassignment the earlier addressee’s link has moved on', () => {
  expect(linkStanding(atBackup, { tier: 'primary', attempt: 1 })).toBe('moved_on');
  expect(linkStanding(atBackup, { tier: 'primary', attempt: 2 })).toBe('moved_on');
  // Signed for the backup tier, but at an attempt of an earlier stretch: also moved on.
  expect(linkStanding(atBackup, { tier: 'backup', attempt: 2 })).toBe('moved_on');
  // An attempt not sent yet cannot come from a real link.
  expect(linkStanding(atBackup, { tier: 'backup', attempt: 4 })).toBe('moved_on');
});

test('links already in mailboxes (no tier) act only while their attempt is in the awaited stretch', () => {
  expect(linkStanding(atBackup, { attempt: 3 })).toBe('awaited');
  expect(linkStanding(atBackup, { attempt: 1 })).toBe('moved_on');
});

test('the former owner’s link stops when the case changes hands', () => {
  const atOwner = { awaitedTier: 'owner' as const, attempt: 1, awaitedFromAttempt: 1 };
  expect(linkStanding(atOwner, { tier: 'owner', attempt: 1, addressee: 'cm-a' }, 'cm-a')).toBe('awaited');
  expect(linkStanding(atOwner, { tier: 'owner', attempt: 1, addressee: 'cm-a' }, 'cm-b')).toBe('moved_on');
});

test('a view that cannot say which attempts are awaited cannot be checked (refused by its callers)', () => {
  expect(linkStanding({ awaitedTier: 'primary' }, { tier: 'primary', attempt: 1 })).toBe('unchecked');
});
