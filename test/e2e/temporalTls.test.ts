/**
 * A Temporal cluster behind TLS with client certificates (mTLS), reached by configuration only:
 * TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT/KEY and TEMPORAL_TLS_SERVER_NAME, through the one connection
 * module every process uses (client and worker connections both).
 *
 * The dev server has no TLS options of its own, so the test puts a TLS terminator in front of it
 * (Node's tls server, requiring a client certificate signed by the test CA, passing HTTP/2 bytes
 * through), the way a load balancer or ingress fronts a self-hosted cluster. The certificates are
 * made with openssl for this run only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import {
  connectTemporalClient,
  connectTemporalWorker,
  loadTemporalSettings,
  type TemporalSettings,
} from '../../config/temporal';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { TEST_PAYLOAD_KEYS_ENV } from '../../testkit/temporal';

jest.setTimeout(120_000);

const SERVER_NAME = 'temporal.csg.test';
const dir = mkdtempSync(join(tmpdir(), 'csg-tls-'));
const file = (name: string) => join(dir, name);
let server: ReturnType<typeof startScript> | undefined;
let terminator: Server | undefined;

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, a server certificate for SERVER_NAME and a client certificate, all signed by the CA; and a stranger CA. */
function makeCertificates() {
  for (const ca of ['ca', 'other-ca']) {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
      '-days',
      '1',
      '-subj',
      `/CN=${ca}`,
    );
  }
  writeFileSync(file('server.ext'), `subjectAltName=DNS:${SERVER_NAME}\nextendedKeyUsage=serverAuth\n`);
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cn] of [
    ['server', SERVER_NAME],
    ['client', 'csg-worker'],
  ] as const) {
    openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    );
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
}

afterAll(async () => {
  terminator?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('client and worker connect over mTLS by configuration; no client certificate or a foreign CA is refused', async () => {
  makeCertificates();
  const [temporalPort, uiPort, tlsPort] = [await freePort(), await freePort(), await freePort()];
  server = startScript('scripts/temporal-dev-server.sh', [
    file('temporal.db'),
    String(temporalPort),
    String(uiPort),
  ]);
  await waitForPort(temporalPort, 60_000);

  terminator = createServer(
    {
      key: readFileSync(file('server.key')),
      cert: readFileSync(file('server.pem')),
      ca: readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = connect(temporalPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    },
  ).listen(tlsPort, '127.0.0.1');

  const settings = (extra: Record<string, string>): TemporalSettings =>
    loadTemporalSettings({
      TEMPORAL_ADDRESS: `127.0.0.1:${tlsPort}`,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV,
      TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
      ...extra,
    });
  const mtls = settings({
    TEMPORAL_TLS_CA: file('ca.pem'),
    TEMPORAL_TLS_CERT: file('client.pem'),
    TEMPORAL_TLS_KEY: file('client.key'),
  });

  const temporal = await connectTemporalClient(mtls);
  try {
    const handle = await temporal.client.workflow.start('meldingWorkflow', {
      workflowId: 'CSG-TLS-1',
      taskQueue: 'nobody-listens',
      args: [],
    });
    expect((await handle.describe()).status.name).toBe('RUNNING');
  } finally {
    await temporal.close();
  }
  const worker = await connectTemporalWorker(mtls);
  await worker.close();

  // Without a client certificate the terminator refuses the handshake.
  await expect(
    connectTemporalClient(settings({ TEMPORAL_TLS_CA: file('ca.pem') })).then((t) =>
      t.client.workflow.getHandle('CSG-TLS-1').describe(),
    ),
  ).rejects.toThrow();
  // A server certificate from a CA the client was not told to trust is refused by the client.
  await expect(
    connectTemporalWorker(
      settings({
        TEMPORAL_TLS_CA: file('other-ca.pem'),
        TEMPORAL_TLS_CERT: file('client.pem'),
        TEMPORAL_TLS_KEY: file('client.key'),
      }),
    ),
  ).rejects.toThrow();
});
