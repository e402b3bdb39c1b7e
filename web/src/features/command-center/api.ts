import type { CommandCenterDto, TargetDto } from '@server/modules/command-center/contract.ts';
import { api } from '../../lib/api.ts';

export type { CommandCenterDto, TargetDto };

export const getCommandCenter = (q: { departmentId?: string }) => api.get<CommandCenterDto>('/api/command-center', q);
export const screenStreamUrl = (centerId: string) => `/api/command-center/centers/${centerId}/stream`;
