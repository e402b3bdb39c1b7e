import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelGrant,
  createGrant,
  createLicenseType,
  issueLicense,
  licensesOfEnterprise,
  listLicenseTypes,
  listRedeemed,
  ownGrants,
  ownLicenses,
  redeemGrant,
  revokeLicense,
  searchLicenses,
  setLicenseTypeActive,
  uploadLicenseDocument,
  type LicenseFilter,
} from './api.ts';

export const licenseKeys = {
  all: ['licenses'] as const,
  types: ['licenses', 'types'] as const,
  search: (filter: LicenseFilter) => ['licenses', 'search', filter] as const,
  ofEnterprise: (id: string) => ['licenses', 'enterprise', id] as const,
  redeemed: ['licenses', 'redeemed'] as const,
  own: ['licenses', 'own'] as const,
  grants: ['licenses', 'grants'] as const,
};

export const useLicenseTypes = () => useQuery({ queryKey: licenseKeys.types, queryFn: listLicenseTypes });
export const useLicenseSearch = (filter: LicenseFilter) =>
  useQuery({ queryKey: licenseKeys.search(filter), queryFn: () => searchLicenses(filter), placeholderData: keepPreviousData });
export const useEnterpriseLicenses = (enterpriseId: string) =>
  useQuery({ queryKey: licenseKeys.ofEnterprise(enterpriseId), queryFn: () => licensesOfEnterprise(enterpriseId) });
export const useRedeemed = () => useQuery({ queryKey: licenseKeys.redeemed, queryFn: listRedeemed });
export const useOwnLicenses = () => useQuery({ queryKey: licenseKeys.own, queryFn: ownLicenses });
/** While the grant just made is live the list refreshes, so the holder sees the clerk's use appear. */
export const useOwnGrants = (watchedId: string | null) =>
  useQuery({
    queryKey: licenseKeys.grants,
    queryFn: ownGrants,
    refetchInterval: (query) => (watchedId && query.state.data?.find((g) => g.id === watchedId)?.status === 'active' ? 5000 : false),
  });

function useInvalidateLicenses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: licenseKeys.all });
}

export function useCreateLicenseType() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: createLicenseType, onSettled: invalidate });
}
export function useSetLicenseTypeActive() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: ({ id, ...input }: { id: string; isActive: boolean; version: number }) => setLicenseTypeActive(id, input), onSettled: invalidate });
}
export function useIssueLicense() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: issueLicense, onSettled: invalidate });
}
export function useRevokeLicense() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: ({ id, ...input }: { id: string; reason: string; version: number }) => revokeLicense(id, input), onSettled: invalidate });
}
export function useUploadLicenseDocument() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: ({ id, file }: { id: string; file: File }) => uploadLicenseDocument(id, file), onSettled: invalidate });
}
export function useRedeemGrant() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: redeemGrant, onSettled: invalidate });
}
export function useCreateGrant() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: createGrant, onSettled: invalidate });
}
export function useCancelGrant() {
  const invalidate = useInvalidateLicenses();
  return useMutation({ mutationFn: cancelGrant, onSettled: invalidate });
}
