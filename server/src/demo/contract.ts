import { z } from 'zod';
import { ROLES } from '../platform/auth/roles.ts';

export const demoInfo = z.object({
  enabled: z.boolean(),
  accounts: z.array(z.object({ username: z.string(), password: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)) })),
  enterpriseAccounts: z.array(z.object({ uscc: z.string(), password: z.string(), name: z.string() })),
});
export type DemoInfo = z.infer<typeof demoInfo>;
