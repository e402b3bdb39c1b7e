import type { DisclosureDto } from '@server/modules/evaluations/disclosure/contract.ts';
import { api } from '../../../lib/api.ts';

export const evaluationDisclosure = (month?: string) => api.get<DisclosureDto>('/api/portal/evaluation-disclosure', { month });
