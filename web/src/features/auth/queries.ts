import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@server/platform/auth/contract.ts';
import { changePassword, confirmTotp, disableTotp, fetchMe, fetchTotpStatus, login, logout, startTotpEnrolment } from './api.ts';

export const meQueryKey = ['auth', 'me'] as const;

export const meQuery = { queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 };

/** Who is signed in changed: drop everything cached for the previous account, keep public data. */
function switchAccount(queryClient: QueryClient, me: Me | null) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'demo' });
  queryClient.setQueryData(meQueryKey, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: (me) => switchAccount(queryClient, me) });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logout, onSettled: () => switchAccount(queryClient, null) });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changePassword, onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }) });
}

const totpQueryKey = ['auth', 'totp'] as const;

/** The signed-in staff member's own second factor. */
export const useTotpStatus = () => useQuery({ queryKey: totpQueryKey, queryFn: fetchTotpStatus });

function useTotpChange<A, R>(mutationFn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: totpQueryKey }) });
}

export const useStartTotpEnrolment = () => useTotpChange(startTotpEnrolment);
export const useConfirmTotp = () => useTotpChange(confirmTotp);
export const useDisableTotp = () => useTotpChange(disableTotp);
