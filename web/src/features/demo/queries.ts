import { useQuery } from '@tanstack/react-query';
import { fetchDemo } from './api.ts';

/** Whether the server runs with demo data; it does not change while the page is open. */
export const useDemo = () => useQuery({ queryKey: ['demo'], queryFn: fetchDemo, staleTime: Infinity });
