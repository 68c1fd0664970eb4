/**
 * The Temporal remote codec wire format: `{ "payloads": [{ "metadata": { k: base64 }, "data": base64 }] }`
 * (the JSON form of temporal.api.common.v1.Payloads), as the Web UI and the Temporal CLI send it.
 */
import type { Payload } from '@temporalio/common';
import { z } from 'zod';

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')
  .refine((s) => s.length % 4 === 0, 'expected base64');

const jsonPayload = z.object({
  metadata: z.record(z.string().max(200), base64).optional(),
  data: base64.optional(),
});

/** A history page holds at most a few hundred payloads; a body with more is not the UI's. */
export const payloadsBody = z.object({ payloads: z.array(jsonPayload).max(2000) });

export type JsonPayloads = z.infer<typeof payloadsBody>;

export function fromJson(body: JsonPayloads): Payload[] {
  return body.payloads.map(({ metadata, data }) => ({
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: data === undefined ? undefined : Buffer.from(data, 'base64'),
  }));
}

export function toJson(payloads: Payload[]): JsonPayloads {
  return {
    payloads: payloads.map(({ metadata, data }) => ({
      metadata: Object.fromEntries(
        Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
      ),
      data: data ? Buffer.from(data).toString('base64') : undefined,
    })),
  };
}
