import type { z } from 'zod';
import type { OwnReferral, ProviderDto, PublicScenario, ReferralDto, ScenarioDto, outcomeInput, portalReferralInput, providerDecision, providerInput, ratingInput, scenarioInput, scenarioUpdate, staffReferralInput } from '@server/modules/scenarios/contract.ts';
import { api } from '../../lib/api.ts';

export type { OwnReferral, ProviderDto, PublicScenario, ReferralDto, ScenarioDto };
export type ProviderInput = z.input<typeof providerInput>;
export type DecisionInput = z.input<typeof providerDecision>;
export type ScenarioInput = z.input<typeof scenarioInput>;
export type ScenarioUpdate = z.input<typeof scenarioUpdate>;
export type StaffReferralInput = z.input<typeof staffReferralInput>;
export type PortalReferralInput = z.input<typeof portalReferralInput>;
export type OutcomeInput = z.input<typeof outcomeInput>;
export type RatingInput = z.input<typeof ratingInput>;

export const listProviders = () => api.get<ProviderDto[]>('/api/scenario-providers');
export const registerProvider = (input: ProviderInput) => api.post<ProviderDto>('/api/scenario-providers', input);
export const decideProvider = (id: string, body: DecisionInput) => api.post<ProviderDto>(`/api/scenario-providers/${id}/decision`, body);

export const listScenarios = () => api.get<ScenarioDto[]>('/api/scenarios');
export const createScenario = (input: ScenarioInput) => api.post<ScenarioDto>('/api/scenarios', input);
export const updateScenario = (id: string, input: ScenarioUpdate) => api.put<ScenarioDto>(`/api/scenarios/${id}`, input);

export const listReferrals = () => api.get<ReferralDto[]>('/api/scenario-referrals');
export const referFor = (input: StaffReferralInput) => api.post<ReferralDto>('/api/scenario-referrals', input);
export const recordOutcome = (id: string, body: OutcomeInput) => api.post<ReferralDto>(`/api/scenario-referrals/${id}/outcome`, body);

export const listPublicScenarios = () => api.get<PublicScenario[]>('/api/public/scenarios');
export const listOwnReferrals = () => api.get<OwnReferral[]>('/api/portal/scenario-referrals');
export const referOwn = (input: PortalReferralInput) => api.post<OwnReferral>('/api/portal/scenario-referrals', input);
export const rateReferral = (id: string, body: RatingInput) => api.post<OwnReferral>(`/api/portal/scenario-referrals/${id}/rating`, body);
