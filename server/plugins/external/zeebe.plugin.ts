import fp from 'fastify-plugin';
import { createZeebeClient, type ZeebeClient } from './zeebe-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    zeebe: ZeebeClient;
  }
}

export default fp<{ zeebeAddress: string }>(
  async (app, { zeebeAddress }) => {
    const zeebe = createZeebeClient(zeebeAddress);
    app.decorate('zeebe', zeebe);
    app.addHook('onClose', async () => zeebe.close());
    app.readiness.add('engine', async () => {
      await zeebe.topology();
    });
  },
  { name: 'zeebe', dependencies: ['readiness'] },
);
