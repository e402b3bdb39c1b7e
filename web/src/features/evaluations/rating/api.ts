import type { z } from 'zod';
import type {
  additionInput,
  invitationRatingInput,
  InvitationView,
  kioskRatingInput,
  phoneRatingInput,
  phoneSubject,
  portalEvaluations,
  portalRatingInput,
  questionSets,
  RatingSubject,
  ratingCreated,
} from '@server/modules/evaluations/ratings/contract.ts';
import { api } from '../../../lib/api.ts';

export type QuestionSets = z.infer<typeof questionSets>;
export type QuestionSet = QuestionSets[number];
export type RatingCreated = z.infer<typeof ratingCreated>;
export type PortalEvaluations = z.infer<typeof portalEvaluations>;
export type PhoneSubject = z.infer<typeof phoneSubject>;
export type { InvitationView, RatingSubject };

/** What the shared rating form produces. */
export type RatingAnswer = { level: number; tags: string[]; comment: string; isAnonymous: boolean };

export const getQuestionSets = () => api.get<QuestionSets>('/api/evaluations/question-sets');

// the QR/H5 and SMS link
export const getInvitation = (token: string) => api.get<InvitationView>(`/api/evaluations/invitations/${encodeURIComponent(token)}`);
export const rateByInvitation = (token: string, input: z.input<typeof invitationRatingInput>) =>
  api.post<RatingCreated>(`/api/evaluations/invitations/${encodeURIComponent(token)}/rating`, input);
export const addByInvitation = (token: string, input: z.input<typeof additionInput>) => api.post<unknown>(`/api/evaluations/invitations/${encodeURIComponent(token)}/additions`, input);

// the portal
export const getPortalEvaluations = () => api.get<PortalEvaluations>('/api/portal/evaluations');
export const rateOnPortal = (input: z.input<typeof portalRatingInput>) => api.post<RatingCreated>('/api/portal/evaluations', input);
export const addOnPortal = (ratingId: string, input: z.input<typeof additionInput>) => api.post<unknown>(`/api/portal/evaluations/${ratingId}/additions`, input);

// the kiosk
export const findKioskVisit = (centerId: string, displayNumber: string, receiptToken: string) =>
  api.get<RatingSubject>(`/api/evaluations/kiosk/${centerId}/visit`, { displayNumber, receiptToken });
export const rateAtKiosk = (centerId: string, input: z.input<typeof kioskRatingInput>) => api.post<RatingCreated>(`/api/evaluations/kiosk/${centerId}/ratings`, input);

// staff entry of a phone rating
export const findPhoneSubject = (q: { kind: 'visit' | 'application'; number?: string; date?: string; displayNumber?: string }) => api.get<PhoneSubject>('/api/evaluations/phone/subject', q);
export const rateByPhone = (input: z.input<typeof phoneRatingInput>) => api.post<RatingCreated>('/api/evaluations/phone/ratings', input);
export const addByPhone = (ratingId: string, input: z.input<typeof additionInput>) => api.post<unknown>(`/api/evaluations/ratings/${ratingId}/additions`, input);

// the evaluator's QR code (device key)
export const createEvaluatorInvitation = (counterId: string, key: string, ticketId: string) =>
  api.post<{ token: string; path: string; qrUrl: string; expiresAt: string }>(`/api/queue/evaluator/${counterId}/invitation`, { ticketId }, { headers: { 'x-device-key': key } });
