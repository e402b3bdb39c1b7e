import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { exportDto, exportQuery, unmaskedExportInput, type ExportDto } from './contract.ts';
import { exportRatings, exportWorkbook } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Evaluations — export of ratings in the Guangdong evaluator-record layout. The masked export is
 * a GET; the one with full phone numbers is a POST so that it leaves an audit row with its reason.
 */
export const exportRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const keys = personalDataKeys(config);
  const tags = ['evaluations'];

  app.get(
    '/api/evaluation-export',
    {
      config: { access: 'evaluation.figures' },
      schema: { tags, summary: '导出评价记录（广东评价器记录字段；电话号码已脱敏；format=json 或 xlsx）', querystring: exportQuery, response: { 200: exportDto } },
    },
    async (request, reply) => {
      const dto = await exportRatings(db, keys, staffOf(request), request.query, { unmask: false });
      return send(reply, dto, request.query.format);
    },
  );

  app.post(
    '/api/evaluation-export/unmasked',
    {
      config: { access: 'evaluation.figures', audit: 'evaluation.export_unmasked' },
      schema: { tags, summary: '导出含完整电话号码的评价记录（报送省平台用；须有查看完整个人信息权限并说明理由，记入审计日志）', body: unmaskedExportInput, response: { 200: exportDto } },
    },
    async (request, reply) => {
      const { reason, ...q } = request.body;
      const dto = await exportRatings(db, keys, staffOf(request), q, { unmask: true });
      request.auditObject = { type: 'ratings_export', id: '', detail: { reason, from: q.from, to: q.to, count: dto.count } };
      return send(reply, dto, q.format);
    },
  );
};

async function send(reply: FastifyReply, dto: ExportDto, format: 'json' | 'xlsx') {
  reply.header('cache-control', 'private, no-store');
  if (format === 'json') return dto;
  const name = `评价记录_${dto.from}_${dto.to}.xlsx`;
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="ratings.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(await exportWorkbook(dto));
}
