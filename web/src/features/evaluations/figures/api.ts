import type { z } from 'zod';
import type { FiguresDto, FiguresGroup } from '@server/modules/evaluations/figures/contract.ts';
import type { unmaskedExportInput } from '@server/modules/evaluations/export/contract.ts';
import { api, ApiError, withQuery } from '../../../lib/api.ts';
import { t } from '../../../locales/zh-CN.ts';

export type FiguresFilter = { from?: string; to?: string; groupBy: FiguresGroup; departmentId?: string };
export type UnmaskedExportInput = z.input<typeof unmaskedExportInput>;

export const evaluationFigures = (filter: FiguresFilter) => api.get<FiguresDto>('/api/evaluation-figures', filter);

/** The masked export is a plain download link (GET). */
export const exportUrl = (filter: { from: string; to: string; departmentId?: string }, format: 'json' | 'xlsx') =>
  withQuery('/api/evaluation-export', { ...filter, format });

/** The export with full phone numbers is a POST (it is audited with its reason): fetched, then saved as a file. */
export async function downloadUnmaskedExport(input: UnmaskedExportInput): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/evaluation-export/unmasked', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: t.errors.network });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string; fields?: { field: string; message: string }[] } | null;
    throw new ApiError({ status: response.status, code: body?.code ?? `HTTP_${response.status}`, message: body?.message ?? t.errors.http(response.status), fields: body?.fields });
  }
  const blob = input.format === 'xlsx' ? await response.blob() : new Blob([JSON.stringify(await response.json(), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `评价记录_${input.from}_${input.to}_完整号码.${input.format ?? 'json'}`;
  a.click();
  URL.revokeObjectURL(url);
}
