/**
 * The dev server as `npm start` runs it (scripts/temporal-dev-server.sh): the Web UI answers, the
 * project's search attributes are registered, and an open case survives a restart because the
 * server persists to a SQLite file.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../workflows/searchAttributes';
import { freePort, startScript, waitForPort } from '../../testkit/processes';

jest.setTimeout(120_000);

describe('Temporal dev server started by the project script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-devserver-'));
  const db = join(dir, 'temporal.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function startServer(port: number, uiPort: number) {
    const server = startScript('scripts/temporal-dev-server.sh', [db, String(port), String(uiPort)]);
    await waitForPort(port, 60_000);
    const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    return { server, connection, client: new Client({ connection }) };
  }

  test('Web UI answers, search attributes exist, and a running case survives a restart', async () => {
    const [port, uiPort] = [await freePort(), await freePort()];

    const first = await startServer(port, uiPort);
    try {
      await waitForPort(uiPort, 30_000);
      const ui = await fetch(`http://127.0.0.1:${uiPort}/`);
      expect(ui.status).toBe(200);

      const registered = await first.connection.operatorService.listSearchAttributes({
        namespace: 'default',
      });
      expect(Object.keys(registered.customAttributes ?? {})).toEqual(
        expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTE_REGISTRATIONS)),
      );
      // Each with its own type: a keyword list registered as a keyword refuses every start.
      const V = temporal.api.enums.v1.IndexedValueType;
      const TYPE = {
        Keyword: V.INDEXED_VALUE_TYPE_KEYWORD,
        KeywordList: V.INDEXED_VALUE_TYPE_KEYWORD_LIST,
        Datetime: V.INDEXED_VALUE_TYPE_DATETIME,
        Int: V.INDEXED_VALUE_TYPE_INT,
        Bool: V.INDEXED_VALUE_TYPE_BOOL,
      };
      for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_REGISTRATIONS)) {
        expect([name, registered.customAttributes?.[name]]).toEqual([name, TYPE[type]]);
      }

      // The retention period comes from configuration (TEMPORAL_RETENTION_DAYS in npm start).
      const retention = startScript('scripts/temporal-retention.sh', [`127.0.0.1:${port}`, 'default', '30']);
      expect(await retention.exited).toBe(0);
      const ns = await first.connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(Number(ns.config?.workflowExecutionRetentionTtl?.seconds)).toBe(30 * 24 * 3600);
      const refused = startScript('scripts/temporal-retention.sh', [
        `127.0.0.1:${port}`,
        'default',
        'dertig',
      ]);
      expect(await refused.exited).toBe(1);
      expect(refused.output.join('')).toContain('TEMPORAL_RETENTION_DAYS must be a whole number');

      // No worker is needed: a started workflow stays Running in the store until one picks it up.
      await first.client.workflow.start('meldingWorkflow', {
        workflowId: 'CSG-TEST-PERSIST-1',
        taskQueue: 'nobody-listens',
        args: [],
      });
    } finally {
      await first.connection.close();
      await first.server.stop();
    }

    const second = await startServer(port, uiPort);
    try {
      const description = await second.client.workflow.getHandle('CSG-TEST-PERSIST-1').describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await second.connection.close();
      await second.server.stop();
    }
  });
});
