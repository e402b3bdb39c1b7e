import type { z } from 'zod';
import type { FiguresDto, FiguresGroup } from '@server/modules/evaluations/figures/contract.ts';
import type { unmaskedExportInput } from '@server/modules/evaluations/export/contract.ts';
import { api, withQuery } from '../../../lib/api.ts';

export type FiguresFilter = { from?: string; to?: string; groupBy: FiguresGroup; departmentId?: string };
export type UnmaskedExportInput = z.input<typeof unmaskedExportInput>;

export const evaluationFigures = (filter: FiguresFilter) => api.get<FiguresDto>('/api/evaluation-figures', filter);

/** The masked export is a plain download link (GET). */
export const exportUrl = (filter: { from: string; to: string; departmentId?: string }, format: 'json' | 'xlsx') =>
  withQuery('/api/evaluation-export', { ...filter, format });

/** The export with full phone numbers is a POST (it is audited with its reason): fetched, then saved as a file. */
export async function downloadUnmaskedExport(input: UnmaskedExportInput): Promise<void> {
  const answer = await api.download('/api/evaluation-export/unmasked', input);
  const blob = input.format === 'xlsx' ? answer : new Blob([JSON.stringify(JSON.parse(await answer.text()), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `评价记录_${input.from}_${input.to}_完整号码.${input.format ?? 'json'}`;
  a.click();
  URL.revokeObjectURL(url);
}
