import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createDepartment,
  createStaff,
  listDepartments,
  listStaff,
  resetStaffPassword,
  resetStaffTotp,
  listStaffApprovals,
  approveStaffChange,
  rejectStaffChange,
  unlockStaff,
  updateDepartment,
  updateStaff,
  type DepartmentInput,
  type DepartmentPatch,
  type StaffFilter,
  type StaffPatch,
} from './api.ts';

export const staffKeys = {
  departments: (centerId: string) => ['staff', 'departments', centerId] as const,
  staffAll: ['staff', 'members'] as const,
  approvals: ['staff', 'approvals'] as const,
  staff: (filter: StaffFilter) => ['staff', 'members', filter] as const,
};

export const useDepartments = (centerId: string | null) =>
  useQuery({
    queryKey: staffKeys.departments(centerId ?? ''),
    queryFn: () => listDepartments(centerId!),
    enabled: centerId !== null,
  });

/** Departments of several centers at once, e.g. to name each staff member's department in a list. */
export const useDepartmentsOfCenters = (centerIds: string[]) =>
  useQueries({
    queries: centerIds.map((id) => ({ queryKey: staffKeys.departments(id), queryFn: () => listDepartments(id) })),
    combine: (results) => results.flatMap((r) => r.data ?? []),
  });

export const useStaff = (filter: StaffFilter, isEnabled = true) =>
  useQuery({ queryKey: staffKeys.staff(filter), queryFn: () => listStaff(filter), enabled: isEnabled, placeholderData: keepPreviousData });

export function useCreateDepartment(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DepartmentInput) => createDepartment(centerId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.departments(centerId) }),
  });
}

export function useUpdateDepartment(centerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: DepartmentPatch & { id: string }) => updateDepartment(id, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.departments(centerId) }),
  });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createStaff, onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.staffAll }) });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: StaffPatch & { id: string }) => updateStaff(id, patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}

export function useResetStaffPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => resetStaffPassword(id, password),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}

export const useUnlockStaff = () => useMutation({ mutationFn: unlockStaff });

export function useResetStaffTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetStaffTotp, onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }) });
}

/** Changes to accounts waiting for a second administrator (and the latest decided). */
export const useStaffApprovals = (isEnabled: boolean) => useQuery({ queryKey: staffKeys.approvals, queryFn: listStaffApprovals, enabled: isEnabled });

export function useDecideStaffChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => (decision === 'approve' ? approveStaffChange(id) : rejectStaffChange(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}
