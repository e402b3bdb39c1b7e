import type { CommandCenterDto, TargetDto } from '@server/modules/command-center/contract.ts';
import { api } from '../../lib/api.ts';

export type { CommandCenterDto, TargetDto };

export const getCommandCenter = (q: { departmentId?: string }) => api.get<CommandCenterDto>('/api/command-center', q);
export const SCREEN_STREAM_URL = '/api/command-center/stream';
