// The procedures' BPMN: deployed from processes/ to the engine at start
// (identical content makes no new version) and recorded, and the job workers
// started. A process whose latest recorded version came from the modeler is
// deployed from that record instead of its file, so that a restart never
// undoes an analyst's deployment. Only the running server and the tests that
// drive processes enable it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { startUserTaskWorker } from '../../workers/user-task.worker.js';
import { STANDARD_WORKERS } from '../../workers/index.js';
import { startWorkers } from '../../workers/worker-runner.js';
import type { WorkerContext } from '../../workers/worker-kit.js';
import { outlineBpmn } from './deployments/bpmn-outline.js';
import { PROCESSES_DIR } from './seed/demo-seed.js';

export default fp<{ dir?: string }>(
  async (app, { dir = PROCESSES_DIR }) => {
    const { deployments } = app.services;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
    for (const file of files) {
      const xml = await readFile(join(dir, file), 'utf8');
      const modeled = [];
      for (const process of await outlineBpmn(xml)) {
        const latest = await deployments.latest(process.id);
        if (latest?.source === 'modeler') modeled.push(latest);
      }
      if (modeled.length === 0) {
        await deployments.deploy({ xml, resourceName: file, source: 'file', deployedBy: null });
      }
      for (const row of modeled) {
        await deployments.deploy({
          xml: row.xml,
          resourceName: row.resource_name,
          source: 'modeler',
          deployedBy: row.deployed_by,
        });
      }
    }
    const ctx: WorkerContext = {
      db: app.db,
      clock: app.clock,
      calendar: () => app.calendar.current(),
      services: app.services,
      zeebe: app.zeebe,
      log: app.log,
    };
    const stops = [
      startWorkers(STANDARD_WORKERS, ctx),
      startUserTaskWorker(ctx, async (processDefinitionKey, elementId) =>
        processDefinitionKey ? deployments.elementName(processDefinitionKey, elementId) : elementId,
      ),
    ];
    app.addHook('preClose', async () => {
      await Promise.all(stops.map((stop) => stop()));
    });
  },
  { name: 'processes', dependencies: ['zeebe', 'services', 'calendar'] },
);
