import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { readDbOf } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { isoDate } from '../../../platform/http/schemas.ts';
import { FEEDBACK_KINDS } from '../cases/kinds.ts';
import { responseFigures } from './service.ts';

const row = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  received: z.number(),
  answeredInTime: z.number(),
  answeredLate: z.number(),
  overdue: z.number(),
  pending: z.number(),
  rate: z.number().nullable(),
  isTargetMet: z.boolean(),
});
const figures = z.object({
  from: z.string(),
  to: z.string(),
  target: z.number(),
  scope: z.enum(['center', 'department']),
  center: row,
  departments: z.array(row),
  below: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      kind: z.enum(FEEDBACK_KINDS),
      kindLabel: z.string(),
      departmentName: z.string(),
      handlerName: z.string(),
      dueOn: z.string(),
      repliedOn: z.string().nullable(),
      why: z.enum(['overdue', 'late']),
    }),
  ),
});

/** 诉求响应率 (5.1.4): by department and for the center, against the 100 % target. */
export const figuresRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/feedback-figures',
    {
      config: { access: 'feedback.figures' },
      schema: {
        tags: ['feedback'],
        summary: '诉求响应率：受理、按时答复、逾期、响应率（目标 100%）及未达标清单；首席事务代表只看本部门',
        querystring: z.strictObject({ from: isoDate, to: isoDate }),
        response: { 200: figures },
      },
    },
    (request) => responseFigures({ ...deps, db: readDbOf(deps.database) }, staffOf(request), request.query), // a read replica when DATABASE_READ_URL is set
  );
};
