import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as a from './api.ts';

export const briefingKeys = {
  all: ['briefings'] as const,
  list: ['briefings', 'list'] as const,
  figures: ['briefings', 'figures'] as const,
  rooms: ['briefings', 'rooms'] as const,
  detail: (id: string) => ['briefings', 'detail', id] as const,
  registrations: (id: string) => ['briefings', 'registrations', id] as const,
  portal: ['briefings-portal'] as const,
  publicList: ['briefings-portal', 'public'] as const,
  own: ['briefings-portal', 'own'] as const,
};

export const useEvents = () => useQuery({ queryKey: briefingKeys.list, queryFn: a.listEvents });
export const useFigures = (enabled: boolean) => useQuery({ queryKey: briefingKeys.figures, queryFn: a.getFigures, enabled });
export const useRooms = () => useQuery({ queryKey: briefingKeys.rooms, queryFn: a.listRooms });
export const useEvent = (id: string) => useQuery({ queryKey: briefingKeys.detail(id), queryFn: () => a.getEvent(id) });
export const useRegistrations = (id: string, enabled: boolean) => useQuery({ queryKey: briefingKeys.registrations(id), queryFn: () => a.listRegistrations(id), enabled });
export const usePublicEvents = () => useQuery({ queryKey: briefingKeys.publicList, queryFn: a.listPublicEvents });
export const useOwnRegistrations = (enabled = true) => useQuery({ queryKey: briefingKeys.own, queryFn: a.listOwn, enabled });

/** A staff change: the event shown is replaced; lists, figures and registrations reload. */
function useStaffChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: briefingKeys.all }) });
}

export const useCreateEvent = () => useStaffChange(a.createEvent);
export const useUpdateEvent = () => useStaffChange((x: { id: string; input: a.EventInput & { version: number } }) => a.updateEvent(x.id, x.input));
export const useChangeStatus = () => useStaffChange((x: { id: string; action: 'publish' | 'cancel' | 'hold'; version: number }) => a.changeStatus(x.id, x.action, x.version));
export const useCheckIn = () => useStaffChange((x: { id: string; code: string }) => a.checkIn(x.id, x.code));
export const useUploadMaterial = () => useStaffChange((x: { id: string; file: File }) => a.uploadMaterial(x.id, x.file));

/** An enterprise's change: its registrations and the public list (places left) reload. */
function usePortalChange<A, R>(run: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void client.invalidateQueries({ queryKey: briefingKeys.portal }) });
}

export const useRegister = () => usePortalChange((x: { id: string; attendees: { name: string; phone: string }[] }) => a.register(x.id, x.attendees));
export const useCancelOwn = () => usePortalChange(a.cancelOwn);
export const useGiveFeedback = () => usePortalChange((x: { id: string; satisfaction: number; comment: string }) => a.giveFeedback(x.id, { satisfaction: x.satisfaction, comment: x.comment }));
