import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { act, getCallback, listCallbackAlerts, listCallbacks, uploadEvidence, type CallbackDetail, type CallbackFilter } from './api.ts';

export const callbackKeys = {
  all: ['evaluations', 'callbacks'] as const,
  list: (f: CallbackFilter) => ['evaluations', 'callbacks', 'list', f] as const,
  detail: (id: string) => ['evaluations', 'callbacks', 'detail', id] as const,
  alerts: ['evaluations', 'callbacks', 'alerts'] as const,
};

export const useCallbackList = (f: CallbackFilter) => useQuery({ queryKey: callbackKeys.list(f), queryFn: () => listCallbacks(f), placeholderData: keepPreviousData });
export const useCallbackDetail = (id: string) => useQuery({ queryKey: callbackKeys.detail(id), queryFn: () => getCallback(id) });
export const useCallbackAlerts = () => useQuery({ queryKey: callbackKeys.alerts, queryFn: listCallbackAlerts });

/** A change to one callback: the detail is replaced by the answer; lists and alerts reload. On a conflict, everything reloads. */
function useCallbackChange<A>(id: string, run: (a: A) => Promise<CallbackDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(callbackKeys.detail(id), detail);
      void client.invalidateQueries({ queryKey: callbackKeys.all, predicate: (q) => q.queryKey[3] !== id });
    },
    onError: () => void client.invalidateQueries({ queryKey: callbackKeys.all }),
  });
}

export const useCallbackAction = (id: string) => useCallbackChange(id, (a: { path: string; body: object }) => act(id, a.path, a.body));
export const useUploadEvidence = (id: string) => useCallbackChange(id, (a: { version: number; file: File }) => uploadEvidence(id, a.version, a.file));
