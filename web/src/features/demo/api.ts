import type { DemoInfo } from '@server/demo/contract.ts';
import { api } from '../../lib/api.ts';

export type { DemoInfo };

export const fetchDemo = () => api.get<DemoInfo>('/api/demo');
