import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@server/platform/auth/contract.ts';
import { changePassword, fetchMe, login, logout } from './api.ts';

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
