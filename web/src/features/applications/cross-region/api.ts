import type { DirectoryEntryDto, HandoverDto } from '@server/modules/applications/cross-region/contract.ts';
import { api } from '../../../lib/api.ts';

export type { DirectoryEntryDto, HandoverDto };

export const listPublicDirectory = () => api.get<DirectoryEntryDto[]>('/api/portal/cross-region/directory');
export const listOwnDirectory = () => api.get<DirectoryEntryDto[]>('/api/cross-region/directory');
export const listHandovers = (side: 'received' | 'competent') => api.get<HandoverDto[]>('/api/cross-region/handovers', { side });
export const createHandover = (body: object) => api.post<HandoverDto>('/api/cross-region/handovers', body);
export const uploadScan = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<HandoverDto>('POST', `/api/cross-region/handovers/${id}/files`, form);
};
export const scanUrl = (id: string, fileId: string) => `/api/cross-region/handovers/${id}/files/${fileId}`;
export const returnResult = (h: HandoverDto, trackingNumber: string) => api.post<HandoverDto>(`/api/cross-region/handovers/${h.id}/return`, { version: h.version, trackingNumber });
export const completePart = (h: HandoverDto, partId: string, version: number) => api.post<HandoverDto>(`/api/cross-region/handovers/${h.id}/parts/${partId}/done`, { version });
export const importResult = (h: HandoverDto, result: unknown) => api.post<HandoverDto>(`/api/cross-region/handovers/${h.id}/result`, { version: h.version, result });

/** The export package: fetched (the POST records the export), then saved as a JSON file. */
export async function downloadPackage(h: HandoverDto): Promise<void> {
  const blob = await api.download(`/api/cross-region/handovers/${h.id}/export`, undefined);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `跨域交换包_${h.itemName}_${h.id.slice(0, 8)}.json`;
  a.click();
  URL.revokeObjectURL(url);
}
