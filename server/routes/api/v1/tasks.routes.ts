// /api/v1/tasks: the officers' worklist of BPMN user tasks.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { AppError } from '../../../errors.js';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import type { TaskCreated } from '../../../plugins/app/live/task-feed.plugin.js';
import { EVENT_STREAM_SCHEMA, serveEventStream } from './event-stream.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    view: { type: 'string', enum: ['mine', 'groups'], default: 'groups' },
    dossierId: { type: 'string', format: 'uuid' },
    procedureCode: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}$' },
    status: { type: 'string', enum: ['open', 'completed'], default: 'open' },
    dueBefore: { type: 'string', format: 'date-time' },
    overdue: { type: 'boolean' },
    q: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 100 },
  },
} as const;
const taskSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    elementId: { type: 'string' },
    dossierId: { type: 'string' },
    dossierCode: { type: ['string', 'null'] },
    procedureCode: { type: 'string' },
    formKey: { type: ['string', 'null'] },
    candidateGroups: { type: 'array', items: { type: 'string' } },
    assigneeId: { type: ['string', 'null'] },
    dueAt: { type: ['string', 'null'], format: 'date-time' },
    followUpAt: { type: ['string', 'null'], format: 'date-time' },
    priority: { type: 'integer' },
    status: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    claimedAt: { type: ['string', 'null'], format: 'date-time' },
    completedAt: { type: ['string', 'null'], format: 'date-time' },
    remainingWorkingMinutes: { type: ['integer', 'null'] },
    overdue: { type: 'boolean' },
  },
} as const;
const reassignBody = {
  type: 'object',
  additionalProperties: false,
  required: ['assigneeId'],
  properties: { assigneeId: { type: 'string', format: 'uuid' } },
} as const;
const commentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: { body: { type: 'string', minLength: 1, maxLength: 4000 } },
} as const;
const completeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: { data: { type: 'object', additionalProperties: true, maxProperties: 200 } },
} as const;

const tasksRoutes: FastifyPluginAsync = async (app) => {
  const { worklist } = app.services;
  const officer = app.requirePermission('tasks.work');
  type Id = { Params: FromSchema<typeof idParams> };
  const one = { 200: taskSchema };

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/tasks',
    {
      onRequest: officer,
      schema: {
        summary: 'Công việc của tôi / của nhóm tôi / My tasks, my groups’ tasks',
        tags: ['worklist'],
        querystring: listQuery,
        response: { 200: { type: 'array', items: taskSchema } },
      },
    },
    (request) =>
      worklist.list(callerOf(request), {
        ...request.query,
        view: request.query.view ?? 'groups',
        status: request.query.status ?? 'open',
        limit: request.query.limit ?? 100,
      }),
  );

  app.get(
    '/tasks/stream',
    {
      onRequest: officer,
      // A HEAD request would hold a connection open with nothing to send.
      exposeHeadRoute: false,
      schema: {
        summary:
          'Công việc mới của nhóm tôi, trực tiếp (Server-Sent Events) / New tasks for my groups, live (Server-Sent Events)',
        description:
          'Sends `ready` once it listens (read GET /tasks then: nothing created after it is missed), ' +
          'then `task` (a task as GET /tasks gives it) for each new task of the caller’s agency in ' +
          'the caller’s groups or assigned to the caller, and `resync` when notifications may have ' +
          'been lost (read GET /tasks again).',
        tags: ['worklist'],
        ...EVENT_STREAM_SCHEMA,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const agencyId = caller.agencyId;
      if (!agencyId) throw new AppError('NOT_FOUND');
      await serveEventStream(request, reply, {
        subscribe: (subscriber) => app.taskFeed.subscribe(agencyId, subscriber),
        start: async (stream) => stream.send('ready', {}),
        changed: (payload, stream) => {
          if (!payload) return stream.send('resync', {});
          const created = payload as unknown as TaskCreated;
          const view = worklist.viewOf(caller, created);
          if (!view) return;
          worklist.listedTask(caller, view, created.taskId).then(
            (task) => task && stream.send('task', task, task.id),
            (error: unknown) => request.log.warn({ err: error }, 'task stream read failed'),
          );
        },
      });
    },
  );

  app.get<Id>(
    '/tasks/:id',
    {
      onRequest: officer,
      schema: {
        summary: 'Một công việc / A task',
        tags: ['worklist'],
        params: idParams,
        response: one,
      },
    },
    async (request) =>
      worklist.present(await worklist.visible(callerOf(request), request.params.id)),
  );

  app.post<Id>(
    '/tasks/:id/claim',
    {
      onRequest: officer,
      schema: { summary: 'Nhận việc / Claim', tags: ['worklist'], params: idParams, response: one },
    },
    async (request) => worklist.present(await worklist.claim(callerOf(request), request.params.id)),
  );

  app.post<Id>(
    '/tasks/:id/unclaim',
    {
      onRequest: officer,
      schema: {
        summary: 'Trả việc / Unclaim',
        tags: ['worklist'],
        params: idParams,
        response: one,
      },
    },
    async (request) =>
      worklist.present(await worklist.unclaim(callerOf(request), request.params.id)),
  );

  app.get<Id>(
    '/tasks/:id/candidates',
    {
      onRequest: app.requirePermission('tasks.reassign'),
      schema: {
        summary:
          'Cán bộ có thể nhận công việc (lãnh đạo phòng) / Officers the task may be given to (head of unit)',
        tags: ['worklist'],
        params: idParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                fullName: { type: 'string' },
                roles: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    async (request) => worklist.candidates(callerOf(request), request.params.id),
  );

  app.post<Id & { Body: FromSchema<typeof reassignBody> }>(
    '/tasks/:id/reassign',
    {
      onRequest: app.requirePermission('tasks.reassign'),
      schema: {
        summary: 'Giao lại cho cán bộ khác (lãnh đạo phòng) / Reassign (head of unit)',
        tags: ['worklist'],
        params: idParams,
        body: reassignBody,
        response: one,
      },
    },
    async (request) =>
      worklist.present(
        await worklist.reassign(callerOf(request), request.params.id, request.body.assigneeId),
      ),
  );

  app.post<Id & { Body: FromSchema<typeof commentBody> }>(
    '/tasks/:id/comments',
    {
      onRequest: officer,
      schema: {
        summary: 'Ghi ý kiến / Comment',
        tags: ['worklist'],
        params: idParams,
        body: commentBody,
      },
    },
    async (request, reply) => {
      await worklist.comment(callerOf(request), request.params.id, request.body.body);
      return reply.status(201).send({ ok: true });
    },
  );

  app.post<Id & { Body: FromSchema<typeof completeBody> }>(
    '/tasks/:id/complete',
    {
      onRequest: officer,
      schema: {
        summary: 'Hoàn thành với dữ liệu biểu mẫu / Complete with the task form’s data',
        tags: ['worklist'],
        params: idParams,
        body: completeBody,
        response: one,
      },
    },
    async (request) =>
      worklist.present(
        await worklist.complete(callerOf(request), request.params.id, request.body.data),
      ),
  );
};

export default tasksRoutes;
