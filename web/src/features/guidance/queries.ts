import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchGuidance } from './api.ts';

export const useGuidanceSearch = (q: string, limit = 10) =>
  useQuery({
    queryKey: ['guidance', 'search', q, limit],
    queryFn: () => searchGuidance(q, limit),
    enabled: q.trim().length > 0 && q.length <= 100,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
