import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchAudit, type AuditFilter } from './api.ts';

export const useAuditSearch = (filter: AuditFilter) =>
  useQuery({ queryKey: ['audit', filter], queryFn: () => searchAudit(filter), placeholderData: keepPreviousData });
