import type { z } from 'zod';
import type { EvaluationSettingsDto, evaluationSettingsInput } from '@server/modules/evaluations/settings/contract.ts';
import { api } from '../../../lib/api.ts';

export type { EvaluationSettingsDto };
export type EvaluationSettingsInput = z.input<typeof evaluationSettingsInput>;

export const getEvaluationSettings = () => api.get<EvaluationSettingsDto>('/api/evaluations/settings');
export const saveEvaluationSettings = (input: EvaluationSettingsInput) => api.put<EvaluationSettingsDto>('/api/evaluations/settings', input);
