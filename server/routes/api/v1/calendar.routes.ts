// /api/v1/calendar: the holidays and make-up working days of a year
// (public read; operators and admins replace a year's table).
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { WorkingCalendarError } from '../../../domain/working-calendar.js';
import { AppError } from '../../../errors.js';
import { localized } from '../../../plugins/app/procedures/procedure.schema.js';

const yearParams = {
  type: 'object',
  required: ['year'],
  properties: { year: { type: 'integer', minimum: 1900, maximum: 2199 } },
} as const;
const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'kind'],
  properties: {
    date: { type: 'string', format: 'date' },
    kind: { type: 'string', enum: ['holiday', 'make_up_working_day'] },
    name: localized,
  },
} as const;
const entries = { type: 'array', maxItems: 60, items: entrySchema } as const;

const calendarRoutes: FastifyPluginAsync = async (app) => {
  type Year = { Params: FromSchema<typeof yearParams> };

  app.get<Year>(
    '/calendar/:year',
    {
      schema: {
        summary: 'Ngày nghỉ và ngày làm bù trong năm / Holidays and make-up working days of a year',
        tags: ['calendar'],
        params: yearParams,
        response: { 200: entries },
      },
    },
    (request) => app.calendar.current().yearEntries(request.params.year),
  );

  app.put<Year & { Body: FromSchema<typeof entries> }>(
    '/calendar/:year',
    {
      onRequest: app.requirePermission('calendar.manage'),
      schema: {
        summary: 'Thay bảng ngày nghỉ của năm / Replace the holiday table of a year',
        tags: ['calendar'],
        params: yearParams,
        body: entries,
        response: { 200: entries },
      },
    },
    async (request) => {
      const { year } = request.params;
      const outside = request.body.findIndex((e) => !e.date.startsWith(`${year}-`));
      if (outside >= 0) {
        throw new AppError('VALIDATION_FAILED', [
          {
            path: `/body/${outside}/date`,
            message: { vi: `Ngày phải thuộc năm ${year}.`, en: `The date must be in ${year}.` },
          },
        ]);
      }
      try {
        await app.calendar.replaceYear(year, request.body);
      } catch (error) {
        if (error instanceof WorkingCalendarError) {
          throw new AppError('VALIDATION_FAILED', [{ path: '/body', message: error.detail }]);
        }
        throw error;
      }
      return app.calendar.current().yearEntries(year);
    },
  );
};

export default calendarRoutes;
