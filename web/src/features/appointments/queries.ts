import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const appointmentKeys = {
  all: ['appointments'] as const,
  items: (centerId: string | undefined) => ['appointments', 'portal-items', centerId ?? ''] as const,
  availability: (itemId: string, centerId: string | undefined) => ['appointments', 'availability', itemId, centerId ?? ''] as const,
  mine: ['appointments', 'mine'] as const,
  day: (centerId: string, date: string | undefined) => ['appointments', 'day', centerId, date ?? ''] as const,
  detail: (id: string) => ['appointments', 'detail', id] as const,
  capacity: (centerId: string, date: string) => ['appointments', 'capacity', centerId, date] as const,
  guarantee: (centerId: string) => ['appointments', 'guarantee', centerId] as const,
  settings: (centerId: string) => ['appointments', 'settings', centerId] as const,
  blocks: (centerId: string) => ['appointments', 'blocks', centerId] as const,
};

export const useBookableItems = (centerId?: string) => useQuery({ queryKey: appointmentKeys.items(centerId), queryFn: () => a.listBookableItems(centerId), staleTime: 30_000 });
export const useAvailability = (itemId: string | null, centerId?: string) =>
  useQuery({ queryKey: appointmentKeys.availability(itemId ?? '', centerId), queryFn: () => a.getAvailability(itemId!, centerId), enabled: itemId !== null, staleTime: 0 });
export const useMine = (isEnterprise: boolean) => useQuery({ queryKey: appointmentKeys.mine, queryFn: a.listMine, enabled: isEnterprise });
export const useDayView = (centerId: string | null, date: string | undefined) =>
  useQuery({ queryKey: appointmentKeys.day(centerId ?? '', date), queryFn: () => a.getDayView(centerId!, date), enabled: centerId !== null, refetchInterval: 30_000 });
export const useAppointment = (id: string | null) => useQuery({ queryKey: appointmentKeys.detail(id ?? ''), queryFn: () => a.getAppointment(id!), enabled: id !== null });
export const useCapacityDay = (centerId: string | null, date: string) =>
  useQuery({ queryKey: appointmentKeys.capacity(centerId ?? '', date), queryFn: () => a.getCapacityDay(centerId!, date), enabled: centerId !== null });
export const useGuarantee = (centerId: string | null) =>
  useQuery({ queryKey: appointmentKeys.guarantee(centerId ?? ''), queryFn: () => a.getGuarantee(centerId!), enabled: centerId !== null, refetchInterval: 60_000 });
export const useAppointmentSettings = (centerId: string | null) =>
  useQuery({ queryKey: appointmentKeys.settings(centerId ?? ''), queryFn: () => a.getAppointmentSettings(centerId!), enabled: centerId !== null });
export const useBlocks = (centerId: string | null) => useQuery({ queryKey: appointmentKeys.blocks(centerId ?? ''), queryFn: () => a.listBlocks(centerId!), enabled: centerId !== null });

/** Any change to bookings or capacity: everything of appointments is read again. */
function useAppointmentMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }) });
}

export const useBookOnPortal = () => useAppointmentMutation(a.bookOnPortal);
export const useCancelOnPortal = () => useAppointmentMutation((x: { code: string; phone?: string }) => a.cancelOnPortal(x.code, x.phone));
export const useRescheduleOnPortal = () =>
  useAppointmentMutation((x: { code: string; date: string; start: string; phone?: string }) => a.rescheduleOnPortal(x.code, { date: x.date, start: x.start, phone: x.phone }));
export const useBookForApplicant = () => useAppointmentMutation(a.bookForApplicant);
export const useCancelForApplicant = () => useAppointmentMutation((x: { id: string; reason: string }) => a.cancelForApplicant(x.id, x.reason));
export const useRescheduleForApplicant = () => useAppointmentMutation((x: { id: string; date: string; start: string }) => a.rescheduleForApplicant(x.id, { date: x.date, start: x.start }));
export const useCheckInAtDesk = () => useAppointmentMutation(a.checkInAtDesk);
export const useSaveCapacityRule = () => useAppointmentMutation(a.saveCapacityRule);
export const useAddCapacityAdjustment = () => useAppointmentMutation(a.addCapacityAdjustment);
export const useRemoveCapacityAdjustment = () => useAppointmentMutation(a.removeCapacityAdjustment);
export const useSaveAppointmentSettings = () => useAppointmentMutation((x: { centerId: string; input: a.AppointmentSettingsInput }) => a.saveAppointmentSettings(x.centerId, x.input));
export const useLiftBlock = () => useAppointmentMutation(a.liftBlock);
