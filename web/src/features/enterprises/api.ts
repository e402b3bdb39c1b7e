import type { z } from 'zod';
import type {
  contactInput,
  ContactDto,
  CreditRecordDto,
  creditRecordInput,
  creditRepairInput,
  CreditStatusDto,
  EnterpriseDetailDto,
  EnterpriseDto,
  enterpriseInput,
  EnterprisePage,
  enterprisePatch,
  EnterpriseSearch,
  IndustryNode,
  PersonDetailDto,
  PersonDto,
  personInput,
  SizeAnswer,
  unmasked,
  usccCheck,
} from '@server/modules/enterprises/contract.ts';
import type { Me } from '@server/platform/auth/contract.ts';
import { api } from '../../lib/api.ts';

export type EnterpriseInput = z.input<typeof enterpriseInput>;
export type EnterprisePatch = z.input<typeof enterprisePatch>;
export type EnterpriseFilter = Partial<Omit<EnterpriseSearch, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };
export type ContactInput = z.input<typeof contactInput>;
export type PersonInput = z.input<typeof personInput>;
export type CreditRecordInput = z.input<typeof creditRecordInput>;
export type CreditRepairInput = z.input<typeof creditRepairInput>;
export type Unmasked = z.infer<typeof unmasked>;
export type UsccCheck = z.infer<typeof usccCheck>;
export type PeoplePage = { items: PersonDto[]; total: number; page: number; pageSize: number };
export type PeopleFilter = { name?: string; idNumber?: string; phone?: string; page?: number; pageSize?: number };
export type ImportResult = { imported: number };

export const searchEnterprises = (filter: EnterpriseFilter) => api.get<EnterprisePage>('/api/enterprises', filter);
export const listTowns = () => api.get<{ districtCode: string; town: string }[]>('/api/enterprises/towns');
export const getEnterprise = (id: string) => api.get<EnterpriseDetailDto>(`/api/enterprises/${id}`);
export const createEnterprise = (input: EnterpriseInput) => api.post<EnterpriseDto>('/api/enterprises', input);
export const updateEnterprise = (id: string, patch: EnterprisePatch) => api.patch<EnterpriseDto>(`/api/enterprises/${id}`, patch);
export const importEnterprises = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ImportResult>('POST', '/api/enterprises/import', form);
};
export const IMPORT_TEMPLATE_URL = '/api/enterprises/import-template.csv';

export const addContact = (enterpriseId: string, input: ContactInput) => api.post<ContactDto>(`/api/enterprises/${enterpriseId}/contacts`, input);
export const removeContact = (enterpriseId: string, contactId: string) => api.delete<{ ok: true }>(`/api/enterprises/${enterpriseId}/contacts/${contactId}`);

export const getCredit = (enterpriseId: string) => api.get<CreditStatusDto>(`/api/enterprises/${enterpriseId}/credit`);
export const addCreditRecord = (enterpriseId: string, input: CreditRecordInput) =>
  api.post<CreditRecordDto>(`/api/enterprises/${enterpriseId}/credit-records`, input);
export const repairCreditRecord = (id: string, input: CreditRepairInput) => api.post<CreditRecordDto>(`/api/credit-records/${id}/repair`, input);

/** By ID or phone number the look-up goes in the body (numbers never in a URL); by name alone, a plain list. */
export const searchPeople = (filter: PeopleFilter) =>
  filter.idNumber || filter.phone ? api.post<PeoplePage>('/api/people/search', filter) : api.get<PeoplePage>('/api/people', filter);
export const getPerson = (id: string) => api.get<PersonDetailDto>(`/api/people/${id}`);
export const createPerson = (input: PersonInput) => api.post<PersonDto>('/api/people', input);
export const unmaskPerson = (id: string, reason: string) => api.post<Unmasked>(`/api/people/${id}/unmask`, { reason });

// Public self-check tools
export const checkUscc = (code: string) => api.get<UsccCheck>(`/api/uscc/${encodeURIComponent(code)}/check`);
export const selfCheckSize = (q: { industry: string; employees?: string; revenue?: string; assets?: string }) => api.get<SizeAnswer>('/api/enterprise-size', q);
export const listIndustries = () => api.get<IndustryNode[]>('/api/industries');

// Portal
export const getOwnEnterprise = () => api.get<EnterpriseDetailDto>('/api/portal/enterprise');

export const enterpriseLogin = (input: { uscc: string; password: string }) => api.post<Me>('/api/auth/enterprise-login', input);
