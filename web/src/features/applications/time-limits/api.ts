import type { z } from 'zod';
import type { noticeDto, SupervisionDto, TimeLimitFigures, TimeLimitHistory, TimeLimitSettingsDto } from '@server/modules/applications/time-limits/contract.ts';
import { api } from '../../../lib/api.ts';

export type { SupervisionDto, TimeLimitFigures, TimeLimitHistory, TimeLimitSettingsDto };
export type NoticeDto = z.infer<typeof noticeDto>;

export const getNotices = (state: 'open' | 'all') => api.get<NoticeDto[]>('/api/time-limits/notices', { state });
export const getNoticeCount = () => api.get<{ open: number }>('/api/time-limits/notices/count');
export const getFigures = (p: { from: string; to: string }) => api.get<TimeLimitFigures>('/api/time-limits/figures', p);
export const getSettings = () => api.get<TimeLimitSettingsDto>('/api/time-limits/settings');
export const putSettings = (body: { warningPercent: number; escalationDays: number; version: number }) => api.put<TimeLimitSettingsDto>('/api/time-limits/settings', body);
export const getHistory = (applicationId: string) => api.get<TimeLimitHistory>(`/api/time-limits/applications/${applicationId}`);
export const getSupervisions = (scope: 'mine' | 'center') => api.get<SupervisionDto[]>('/api/time-limits/supervisions', { scope });
export const openSupervision = (applicationId: string, body: { deadline: string; request: string }) => api.post<SupervisionDto>(`/api/time-limits/applications/${applicationId}/supervisions`, body);
export const replySupervision = (id: string, body: { reply: string; version: number }) => api.post<SupervisionDto>(`/api/time-limits/supervisions/${id}/reply`, body);
