import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as a from './api.ts';

/** The figures are refreshed every minute while the page is open. */
export const useCommandCenter = (q: { departmentId?: string }) =>
  useQuery({ queryKey: ['command-center', q], queryFn: () => a.getCommandCenter(q), placeholderData: keepPreviousData, refetchInterval: 60_000 });
