// What the modeler (business analysts) works with: the BPMN of a procedure's
// latest deployment, deploying a new version through the Zeebe client, the
// versions deployed, the standard procedure template and the job workers'
// element templates.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { AppError, type ErrorDetail } from '../../../errors.js';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import { BpmnReadError, outlineBpmn } from '../../../plugins/app/deployments/bpmn-outline.js';
import {
  PROCESS_ID_PATTERN,
  elementTemplates,
  standardProcedureTemplate,
} from '../../../plugins/app/deployments/modeler-templates.js';
import { resourceNameOf } from '../../../plugins/app/deployments/process-deployment.service.js';

const MAX_BPMN_BYTES = 5 * 1024 * 1024;

const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}$' } },
} as const;
const deployBody = {
  type: 'object',
  additionalProperties: false,
  required: ['xml'],
  properties: { xml: { type: 'string', minLength: 1, maxLength: MAX_BPMN_BYTES } },
} as const;
const templateQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['processId'],
  properties: {
    processId: { type: 'string', pattern: PROCESS_ID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;
const deployedSchema = {
  type: 'object',
  properties: {
    bpmnProcessId: { type: 'string' },
    version: { type: 'integer' },
    processDefinitionKey: { type: 'string' },
  },
} as const;

const problem = (vi: string, en: string): ErrorDetail => ({
  path: '/body/xml',
  message: { vi, en },
});

const modelerRoutes: FastifyPluginAsync = async (app) => {
  const { deployments, procedures } = app.services;
  const analyst = app.requirePermission('processes.deploy');
  type Code = { Params: FromSchema<typeof codeParams> };

  /** The procedure's process id: of its published version, else of its latest draft. */
  async function processIdOf(code: string): Promise<string> {
    const versions = await procedures.versions(code);
    const chosen = versions.find((v) => v.status === 'published') ?? versions.at(-1);
    if (!chosen) throw new AppError('NOT_FOUND');
    return chosen.bpmnProcessId;
  }

  app.get<Code>(
    '/procedures/:code/bpmn',
    {
      onRequest: analyst,
      schema: {
        summary:
          'BPMN của phiên bản quy trình mới nhất của thủ tục / BPMN of the procedure’s latest process version',
        tags: ['modeler'],
        params: codeParams,
        response: {
          200: {
            type: 'object',
            properties: { ...deployedSchema.properties, xml: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      const latest = await deployments.latest(await processIdOf(request.params.code));
      if (!latest) throw new AppError('PROCESS_NOT_DEPLOYED');
      return {
        bpmnProcessId: latest.bpmn_process_id,
        version: latest.version,
        processDefinitionKey: latest.process_definition_key,
        xml: latest.xml,
      };
    },
  );

  app.post<Code & { Body: FromSchema<typeof deployBody> }>(
    '/procedures/:code/deployments',
    {
      onRequest: analyst,
      bodyLimit: MAX_BPMN_BYTES * 2,
      schema: {
        summary:
          'Triển khai phiên bản quy trình mới (nội dung không đổi: giữ phiên bản cũ) / Deploy a new process version (identical content keeps the version)',
        tags: ['modeler'],
        params: codeParams,
        body: deployBody,
        response: { 200: deployedSchema },
      },
    },
    async (request) => {
      const bpmnProcessId = await processIdOf(request.params.code);
      const { xml } = request.body;
      const outline = await outlineBpmn(xml).catch((error: unknown) => {
        if (!(error instanceof BpmnReadError)) throw error;
        throw new AppError(
          'BPMN_INVALID',
          error.problems.map((p) => problem(`Không đọc được BPMN: ${p}`, `Unreadable BPMN: ${p}`)),
        );
      });
      const process = outline.find((p) => p.id === bpmnProcessId);
      if (!process) {
        const found = outline.map((p) => p.id).join(', ') || '-';
        throw new AppError('BPMN_INVALID', [
          problem(
            `Mô hình không có quy trình (bpmn:process) mã "${bpmnProcessId}" của thủ tục; các quy trình có trong mô hình: ${found}.`,
            `The model has no process (bpmn:process) with the procedure's id "${bpmnProcessId}"; processes in the model: ${found}.`,
          ),
        ]);
      }
      if (!process.executable) {
        throw new AppError('BPMN_INVALID', [
          problem(
            `Quy trình "${bpmnProcessId}" phải được đánh dấu thực thi được (isExecutable="true").`,
            `The process "${bpmnProcessId}" must be executable (isExecutable="true").`,
          ),
        ]);
      }
      const caller = callerOf(request);
      const deployed = await deployments.deploy({
        xml,
        resourceName: resourceNameOf(bpmnProcessId),
        source: 'modeler',
        deployedBy: caller.id,
      });
      const result = deployed.find((d) => d.bpmnProcessId === bpmnProcessId)!;
      request.log.info(
        { ...result, procedureCode: request.params.code, deployedBy: caller.id },
        'process deployed from the modeler',
      );
      return result;
    },
  );

  app.get<Code>(
    '/procedures/:code/deployments',
    {
      onRequest: analyst,
      schema: {
        summary:
          'Các phiên bản quy trình đã triển khai, mới nhất trước / Deployed process versions, newest first',
        tags: ['modeler'],
        params: codeParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                version: { type: 'integer' },
                processDefinitionKey: { type: 'string' },
                source: { type: 'string', enum: ['file', 'modeler'] },
                deployedBy: {
                  type: ['object', 'null'],
                  properties: { id: { type: 'string' }, fullName: { type: 'string' } },
                },
                deployedAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    },
    async (request) =>
      (await deployments.history(await processIdOf(request.params.code))).map((d) => ({
        version: d.version,
        processDefinitionKey: d.process_definition_key,
        source: d.source,
        deployedBy: d.deployed_by ? { id: d.deployed_by, fullName: d.full_name ?? '' } : null,
        deployedAt: d.deployed_at,
      })),
  );

  app.get<{ Querystring: FromSchema<typeof templateQuery> }>(
    '/modeler/template',
    {
      onRequest: analyst,
      schema: {
        summary:
          'Mẫu quy trình thủ tục chuẩn (BPMN XML) với mã và tên quy trình / The standard procedure template (BPMN XML) with a process id and name',
        tags: ['modeler'],
        querystring: templateQuery,
        produces: ['application/xml'],
        response: {
          200: {
            description: 'BPMN 2.0 XML',
            content: { 'application/xml': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const { processId, name } = request.query;
      const xml = await standardProcedureTemplate(processId, name ?? processId);
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/modeler/element-templates',
    {
      onRequest: analyst,
      schema: {
        summary:
          'Mẫu phần tử (element templates) của các loại công việc / Element templates of the job types',
        tags: ['modeler'],
        response: {
          200: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
    () => elementTemplates(),
  );
};

export default modelerRoutes;
