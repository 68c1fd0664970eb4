/**
 * The payload codec: what the Temporal server stores is unreadable without the key, tampering is
 * detected, and keys rotate without losing what older keys sealed.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, PayloadDecryptionError } from '../../config/payloadCodec';

const keyA = Buffer.alloc(32, 0x0a);
const keyB = Buffer.alloc(32, 0x0b);
const codecWith = (currentKeyId: string, keys: [string, Buffer][]) =>
  new AesGcmPayloadCodec({ currentKeyId, keys: new Map(keys) });

const intake = { name: 'Fenna Planted', phone: '+31612345678', note: 'vrije tekst' };
const payload = () => defaultPayloadConverter.toPayload(intake);

test('round trip: what goes in comes out', async () => {
  const codec = codecWith('a', [['a', keyA]]);
  const [sealed] = await codec.encode([payload()]);
  const [opened] = await codec.decode([sealed!]);
  expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(intake);
});

test('the sealed payload shows neither the data nor its JSON encoding, and names only its key', async () => {
  const [sealed] = await codecWith('a', [['a', keyA]]).encode([payload()]);
  const bytes = Buffer.from(sealed!.data!);
  for (const plain of ['Fenna', '+31612345678', 'json/plain', Buffer.from('Fenna').toString('base64')]) {
    expect(bytes.includes(plain)).toBe(false);
  }
  expect(Object.keys(sealed!.metadata!).sort()).toEqual([
    'encoding',
    'encryption-binding',
    'encryption-key-id',
  ]);
  expect(Buffer.from(sealed!.metadata!['encryption-key-id']!).toString()).toBe('a');
});

test('a fresh nonce per payload: the same value never gives the same ciphertext', async () => {
  const codec = codecWith('a', [['a', keyA]]);
  const [one, two] = await codec.encode([payload(), payload()]);
  expect(Buffer.from(one!.data!).equals(Buffer.from(two!.data!))).toBe(false);
});

test('rotation: new payloads use the newest key, older ones still open with theirs', async () => {
  const [underA] = await codecWith('a', [['a', keyA]]).encode([payload()]);
  const rotated = codecWith('b', [
    ['a', keyA],
    ['b', keyB],
  ]);
  const [underB] = await rotated.encode([payload()]);
  expect(Buffer.from(underB!.metadata!['encryption-key-id']!).toString()).toBe('b');
  const opened = await rotated.decode([underA!, underB!]);
  expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([intake, intake]);
});

test('a key that was removed, a flipped bit, or a relabelled key id is refused', async () => {
  const [sealed] = await codecWith('a', [['a', keyA]]).encode([payload()]);
  await expect(codecWith('b', [['b', keyB]]).decode([sealed!])).rejects.toThrow(PayloadDecryptionError);

  const flipped = Buffer.from(sealed!.data!);
  flipped[20] = flipped[20]! ^ 1;
  await expect(codecWith('a', [['a', keyA]]).decode([{ ...sealed!, data: flipped }])).rejects.toThrow(
    /failed authentication/,
  );

  // Same key material under another id: the id is authenticated, so the relabel is caught.
  const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, 'encryption-key-id': Buffer.from('c') } };
  await expect(codecWith('c', [['c', keyA]]).decode([relabelled])).rejects.toThrow(/failed authentication/);
});

test('plain payloads from before encryption pass through decode unchanged', async () => {
  const plain = payload();
  const [out] = await codecWith('a', [['a', keyA]]).decode([plain]);
  expect(out).toBe(plain);
});

test('a null stays plain, so the server can drop a memo field set to null and the Web UI shows it', async () => {
  const codec = codecWith('a', [['a', keyA]]);
  for (const value of [null, undefined]) {
    const nothing = defaultPayloadConverter.toPayload(value);
    const [sealed] = await codec.encode([nothing]);
    expect(sealed).toBe(nothing);
  }
  // An empty string or false is data: sealed like any other value.
  for (const value of ['', false, 0, 'null', [null]]) {
    const [other] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
    expect(Buffer.from(other!.metadata!.encoding!).toString()).toBe('binary/encrypted');
  }
});
