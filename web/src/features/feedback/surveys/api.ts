import type { z } from 'zod';
import type { PublicSurvey, QuestionResult, SendingResult, SurveyDetail, SurveyResults, SurveySummary, recipientDto, replyValue, surveyInput } from '@server/modules/feedback/surveys/contract.ts';
import { api } from '../../../lib/api.ts';

export type { PublicSurvey, QuestionResult, SendingResult, SurveyDetail, SurveyResults, SurveySummary };
export type SurveyInput = z.input<typeof surveyInput>;
export type Recipient = z.infer<typeof recipientDto>;
export type ReplyValue = z.infer<typeof replyValue>;
export type Sending = { usccs: string[] } | { filter: { industry?: string; sizeClass?: string; town?: string } };

export const listSurveys = (state?: string) => api.get<SurveySummary[]>('/api/surveys', { state });
export const getSurvey = (id: string) => api.get<SurveyDetail>(`/api/surveys/${id}`);
export const createSurvey = (input: SurveyInput) => api.post<SurveyDetail>('/api/surveys', input);
export const updateSurvey = (id: string, input: SurveyInput & { version: number }) => api.put<SurveyDetail>(`/api/surveys/${id}`, input);
export const openSurvey = (id: string, version: number) => api.post<SurveyDetail>(`/api/surveys/${id}/open`, { version });
export const closeSurvey = (id: string, version: number) => api.post<SurveyDetail>(`/api/surveys/${id}/close`, { version });
export const sendSurvey = (id: string, sending: Sending) => api.post<SendingResult>(`/api/surveys/${id}/sendings`, sending);
export const listRecipients = (id: string) => api.get<Recipient[]>(`/api/surveys/${id}/recipients`);
export const getResults = (id: string) => api.get<SurveyResults>(`/api/surveys/${id}/results`);

export const getPublicSurvey = (token: string) => api.get<PublicSurvey>(`/api/public/surveys/${token}`);
export const answerSurvey = (token: string, replies: { questionId: string; value: ReplyValue }[]) => api.post<{ submittedAt: string }>(`/api/public/surveys/${token}/answers`, { replies });
