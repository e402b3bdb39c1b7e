import type { z } from 'zod';
import type {
  DepartmentDto,
  departmentInput,
  departmentPatch,
  StaffApprovalDto,
  StaffDto,
  staffInput,
  staffPatch,
  staffQuery,
} from '@server/modules/staff/contract.ts';
import { api } from '../../lib/api.ts';

export type DepartmentInput = z.input<typeof departmentInput>;
export type DepartmentPatch = z.input<typeof departmentPatch>;
export type StaffInput = z.input<typeof staffInput>;
export type StaffPatch = z.input<typeof staffPatch>;
export type StaffFilter = z.input<typeof staffQuery>;

export const listDepartments = (centerId: string) => api.get<DepartmentDto[]>(`/api/centers/${centerId}/departments`);
export const createDepartment = (centerId: string, input: DepartmentInput) =>
  api.post<DepartmentDto>(`/api/centers/${centerId}/departments`, input);
export const updateDepartment = (id: string, patch: DepartmentPatch) =>
  api.patch<DepartmentDto>(`/api/departments/${id}`, patch);

export const listStaff = (filter: StaffFilter) => api.get<StaffDto[]>('/api/staff', filter);
export const createStaff = (input: StaffInput) => api.post<StaffDto>('/api/staff', input);
/** The account as changed, or (202) the request waiting for a second administrator. */
export type StaffChange = StaffDto | StaffApprovalDto;
export const isPendingApproval = (result: unknown): result is StaffApprovalDto => typeof result === 'object' && result !== null && 'reason' in result && 'kind' in result;
export const updateStaff = (id: string, patch: StaffPatch) => api.patch<StaffChange>(`/api/staff/${id}`, patch);
export const resetStaffPassword = (id: string, password: string) =>
  api.post<StaffChange>(`/api/staff/${id}/reset-password`, { password });
export const unlockStaff = (id: string) => api.post<{ ok: true }>(`/api/staff/${id}/unlock`);
export const resetStaffTotp = (id: string) => api.post<StaffChange>(`/api/staff/${id}/totp-reset`);
export const listStaffApprovals = () => api.get<StaffApprovalDto[]>('/api/staff-approvals');
export const approveStaffChange = (id: string) => api.post<StaffApprovalDto>(`/api/staff-approvals/${id}/approve`);
export const rejectStaffChange = (id: string) => api.post<StaffApprovalDto>(`/api/staff-approvals/${id}/reject`);
