/**
 * The codec binds a payload to its namespace and case, keeps payloads sealed before binding
 * readable, and in strict mode refuses what is not encrypted.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload, type SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { AesGcmPayloadCodec, PayloadDecryptionError } from '../../config/payloadCodec';
import { loadTemporalSettings, payloadCodecFor } from '../../config/temporal';

const key = Buffer.alloc(32, 0x0c);
const keys = { currentKeyId: 'k1', keys: new Map([['k1', key]]) };
const intake = { name: 'Fenna Planted', phone: '+31612345678' };
const plain = () => defaultPayloadConverter.toPayload(intake);
const read = (payload: Payload | undefined) => defaultPayloadConverter.fromPayload(payload!);

/** A payload as the codec sealed it before binding: the key id alone as associated data. */
function sealedTheOldWay(payload: Payload): Payload {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from('k1', 'utf8'));
  const body = temporal.api.common.v1.Payload.encode(payload).finish();
  return {
    metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from('k1') },
    data: Buffer.concat([nonce, cipher.update(body), cipher.final(), cipher.getAuthTag()]),
  };
}

test('a payload sealed for one namespace does not open in another', async () => {
  const production = new AesGcmPayloadCodec(keys, { namespace: 'csg-productie' });
  const [sealed] = await production.encode([plain()]);
  expect(read((await production.decode([sealed!]))[0])).toEqual(intake);

  const other = new AesGcmPayloadCodec(keys, { namespace: 'csg-test' });
  await expect(other.decode([sealed!])).rejects.toThrow(PayloadDecryptionError);
  // The SDK's context names the namespace too: it wins over the configured one.
  await expect(production.decode([sealed!], { namespace: 'csg-test' })).rejects.toThrow(
    /failed authentication/,
  );
});

test('a payload sealed for one case does not open in another, and its case cannot be relabelled', async () => {
  const codec = new AesGcmPayloadCodec(keys, { namespace: 'default' });
  const ofCase = { namespace: 'default', workflowId: 'CSG-LIM-2026-000001' };
  const context: SerializationContext = { type: 'workflow', ...ofCase };
  const [sealed] = await codec.encode([plain()], context);
  expect(Buffer.from(sealed!.metadata!['encryption-workflow-id']!).toString()).toBe(ofCase.workflowId);
  expect(read((await codec.decode([sealed!], ofCase))[0])).toEqual(intake);
  // The codec server knows only the namespace: the case named in the payload is authenticated.
  expect(read((await codec.decode([sealed!], { namespace: 'default' }))[0])).toEqual(intake);

  await expect(
    codec.decode([sealed!], { namespace: 'default', workflowId: 'CSG-LIM-2026-000002' }),
  ).rejects.toThrow(/sealed for workflow "CSG-LIM-2026-000001"/);
  const relabelled = {
    ...sealed!,
    metadata: { ...sealed!.metadata, 'encryption-workflow-id': Buffer.from('CSG-LIM-2026-000002') },
  };
  await expect(
    codec.decode([relabelled], { namespace: 'default', workflowId: 'CSG-LIM-2026-000002' }),
  ).rejects.toThrow(/failed authentication/);
  // Stripping the binding does not turn it into an old payload either.
  const { 'encryption-binding': _binding, ...unbound } = sealed!.metadata!;
  await expect(codec.decode([{ ...sealed!, metadata: unbound }])).rejects.toThrow(/failed authentication/);
});

test('a payload sealed before binding still opens, in any mode', async () => {
  const old = sealedTheOldWay(plain());
  for (const strict of [false, true]) {
    const codec = new AesGcmPayloadCodec(keys, { namespace: 'csg-productie', strict });
    const [opened] = await codec.decode([old], { namespace: 'csg-productie', workflowId: 'CSG-X-1' });
    expect(read(opened)).toEqual(intake);
  }
});

test('strict mode refuses a plain payload; a null (never sealed) still passes', async () => {
  const strict = new AesGcmPayloadCodec(keys, { strict: true });
  await expect(strict.decode([plain()])).rejects.toThrow(/plain \(unencrypted\) payload refused/);
  const nothing = defaultPayloadConverter.toPayload(null);
  expect(await strict.decode([nothing])).toEqual([nothing]);
  // Not strict (development): a history from before encryption stays readable.
  const lenient = new AesGcmPayloadCodec(keys);
  expect(read((await lenient.decode([plain()]))[0])).toEqual(intake);
});

test('strict is on in production unless configured off, and off elsewhere unless configured on', async () => {
  const PAYLOAD_KEYS = `k1:${key.toString('base64')}`;
  const refuses = async (source: Record<string, string>) => {
    const codec = payloadCodecFor(loadTemporalSettings({ PAYLOAD_KEYS, ...source }));
    return codec.decode([plain()]).then(
      () => false,
      () => true,
    );
  };
  expect(await refuses({ NODE_ENV: 'production' })).toBe(true);
  expect(await refuses({ NODE_ENV: 'production', PAYLOAD_CODEC_STRICT: 'false' })).toBe(false);
  expect(await refuses({ NODE_ENV: 'development' })).toBe(false);
  expect(await refuses({ NODE_ENV: 'development', PAYLOAD_CODEC_STRICT: 'true' })).toBe(true);
  expect(() => loadTemporalSettings({ PAYLOAD_KEYS, PAYLOAD_CODEC_STRICT: 'yes' })).toThrow(
    /PAYLOAD_CODEC_STRICT/,
  );
});
