import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { evaluationSettings, evaluationSettingsInput } from './contract.ts';
import { loadEvaluationSettings, updateEvaluationSettings } from './service.ts';

const centerOf = (centerId: string | null) => {
  if (!centerId) throw new AppError('FORBIDDEN', '您的账户不属于任何中心');
  return centerId;
};

/** The center's evaluation rules: rating and 追评 periods, callback deadlines. */
export const settingsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['evaluations'];
  app.get(
    '/api/evaluations/settings',
    { config: { access: 'evaluation.manage' }, schema: { tags, summary: '本中心的评价规则', response: { 200: evaluationSettings } } },
    (request) => loadEvaluationSettings(db, centerOf(staffOf(request).centerId)),
  );
  app.put(
    '/api/evaluations/settings',
    {
      config: { access: 'evaluation.manage', audit: 'evaluation_settings.update' },
      schema: { tags, summary: '修改本中心的评价规则', body: evaluationSettingsInput, response: { 200: evaluationSettings } },
    },
    async (request) => {
      const centerId = centerOf(staffOf(request).centerId);
      request.auditObject = { type: 'evaluation_settings', id: centerId, detail: { ...request.body } };
      return updateEvaluationSettings(db, centerId, request.body);
    },
  );
};
