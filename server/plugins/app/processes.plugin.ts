// The procedures' BPMN: deployed from processes/ to the engine at start
// (identical content makes no new version), element names kept for the
// worklist, and the job workers started. Only the running server and the
// tests that drive processes enable it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { compileDeployment } from '../../../engine/bpmn/compile.js';
import { startUserTaskWorker } from '../../workers/user-task.worker.js';
import { STANDARD_WORKERS } from '../../workers/index.js';
import { startWorkers } from '../../workers/worker-runner.js';
import type { WorkerContext } from '../../workers/worker-kit.js';
import { PROCESSES_DIR } from './seed/demo-seed.js';

export default fp<{ dir?: string }>(
  async (app, { dir = PROCESSES_DIR }) => {
    const names = new Map<string, string>();
    const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
    for (const file of files) {
      const xml = await readFile(join(dir, file), 'utf8');
      for (const process of await compileDeployment(xml)) {
        for (const [id, node] of process.elements)
          names.set(`${process.bpmnProcessId}/${id}`, node.name ?? id);
      }
      await app.zeebe.deployResource({ name: file, process: Buffer.from(xml) });
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
      startUserTaskWorker(
        ctx,
        (processId, elementId) => names.get(`${processId}/${elementId}`) ?? elementId,
      ),
    ];
    app.addHook('preClose', async () => {
      await Promise.all(stops.map((stop) => stop()));
    });
  },
  { name: 'processes', dependencies: ['zeebe', 'services', 'calendar'] },
);
