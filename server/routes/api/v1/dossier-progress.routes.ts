// GET /api/v1/dossiers/:id/progress: the BPMN of the process version the
// dossier runs on, with the element ids it has passed and those it is at,
// for the portal's diagram.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const ids = { type: 'array', items: { type: 'string' } } as const;

const dossierProgressRoutes: FastifyPluginAsync = async (app) => {
  const { dossiers, progress } = app.services;

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/dossiers/:id/progress',
    {
      onRequest: app.requirePermission('dossiers.read'),
      schema: {
        summary:
          'Tiến độ hồ sơ trên sơ đồ quy trình BPMN / The dossier’s progress on its BPMN diagram',
        tags: ['dossiers'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              bpmnProcessId: { type: 'string' },
              version: { type: 'integer' },
              processDefinitionKey: { type: 'string' },
              xml: { type: 'string' },
              done: ids,
              current: ids,
            },
          },
        },
      },
    },
    async (request) => progress.of(await dossiers.visible(callerOf(request), request.params.id)),
  );
};

export default dossierProgressRoutes;
