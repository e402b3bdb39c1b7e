import { z } from 'zod';

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入要办的事').max(100, '最多 100 个字'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  centerId: z.uuid().optional(),
});

export const searchResponse = z.object({
  results: z.array(z.object({ kind: z.enum(['item', 'bundle']), code: z.string(), name: z.string(), score: z.number() })),
  /** false: nothing scores high enough to be called a match; the results are at most loosely related */
  isGoodMatch: z.boolean(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
