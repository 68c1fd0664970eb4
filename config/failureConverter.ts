/**
 * The failure converter of every process and of the workflow sandbox (loaded by path, the way the
 * SDK loads a converter into a workflow bundle). Temporal stores a failure's message and stack
 * trace in clear text unless they are encoded: with encodeCommonAttributes they travel as one
 * payload, which the payload codec encrypts like any other. An error message can quote a value
 * from a case, so it must not reach the server readable.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });

/** The path the SDK loads the converter from (client, worker, workflow bundle). */
export const FAILURE_CONVERTER_PATH = __filename;
