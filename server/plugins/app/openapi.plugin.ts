import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'motcua API',
          description:
            'Hệ thống một cửa điện tử: thủ tục hành chính, hồ sơ, quy trình BPMN. ' +
            'One-stop online public services: procedures, dossiers, BPMN processes.',
          version: '0.1.0',
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);
