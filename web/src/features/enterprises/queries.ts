import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../auth/queries.ts';
import {
  addContact,
  enterpriseLogin,
  addCreditRecord,
  createEnterprise,
  createPerson,
  getEnterprise,
  getOwnEnterprise,
  getPerson,
  importEnterprises,
  listIndustries,
  listTowns,
  removeContact,
  repairCreditRecord,
  searchEnterprises,
  searchPeople,
  unmaskPerson,
  updateEnterprise,
  type ContactInput,
  type CreditRecordInput,
  type CreditRepairInput,
  type EnterpriseFilter,
  type EnterprisePatch,
  type PeopleFilter,
} from './api.ts';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  search: (filter: EnterpriseFilter) => ['enterprises', 'search', filter] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
  towns: ['enterprises', 'towns'] as const,
  people: ['enterprises', 'people'] as const,
  peopleSearch: (filter: PeopleFilter) => ['enterprises', 'people', 'search', filter] as const,
  person: (id: string) => ['enterprises', 'people', id] as const,
  own: ['enterprises', 'own'] as const,
  /** public data, kept across sign-ins */
  industries: ['public', 'industries'] as const,
};

export const useEnterpriseSearch = (filter: EnterpriseFilter) =>
  useQuery({ queryKey: enterpriseKeys.search(filter), queryFn: () => searchEnterprises(filter), placeholderData: keepPreviousData });
export const useEnterprise = (id: string) => useQuery({ queryKey: enterpriseKeys.detail(id), queryFn: () => getEnterprise(id) });
export const useTowns = () => useQuery({ queryKey: enterpriseKeys.towns, queryFn: listTowns, staleTime: 5 * 60_000 });
export const useIndustries = () => useQuery({ queryKey: enterpriseKeys.industries, queryFn: listIndustries, staleTime: Infinity });
export const usePeopleSearch = (filter: PeopleFilter, isEnabled: boolean) =>
  useQuery({ queryKey: enterpriseKeys.peopleSearch(filter), queryFn: () => searchPeople(filter), enabled: isEnabled, placeholderData: keepPreviousData });
export const usePerson = (id: string | null) => useQuery({ queryKey: enterpriseKeys.person(id ?? ''), queryFn: () => getPerson(id!), enabled: id !== null });
export const useOwnEnterprise = () => useQuery({ queryKey: enterpriseKeys.own, queryFn: getOwnEnterprise });

/** Any change to the registry reloads every enterprise query (lists and details share the prefix). */
function useInvalidateEnterprises() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
}

export function useCreateEnterprise() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: createEnterprise, onSettled: invalidate });
}

export function useUpdateEnterprise() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: ({ id, ...patch }: EnterprisePatch & { id: string }) => updateEnterprise(id, patch), onSettled: invalidate });
}

export function useImportEnterprises() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: importEnterprises, onSettled: invalidate });
}

export function useAddContact(enterpriseId: string) {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: (input: ContactInput) => addContact(enterpriseId, input), onSettled: invalidate });
}

export function useRemoveContact(enterpriseId: string) {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: (contactId: string) => removeContact(enterpriseId, contactId), onSettled: invalidate });
}

export function useAddCreditRecord(enterpriseId: string) {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: (input: CreditRecordInput) => addCreditRecord(enterpriseId, input), onSettled: invalidate });
}

export function useRepairCreditRecord() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: ({ id, ...input }: CreditRepairInput & { id: string }) => repairCreditRecord(id, input), onSettled: invalidate });
}

export function useCreatePerson() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({ mutationFn: createPerson, onSettled: invalidate });
}

/** Unmasking is a deliberate, audited act: never cached, never retried. */
export function useUnmaskPerson() {
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => unmaskPerson(id, reason) });
}

/** Signs in an enterprise account on the portal; whatever the previous account had cached is dropped. */
export function useEnterpriseLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enterpriseLogin,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'demo' && q.queryKey[0] !== 'public' });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
