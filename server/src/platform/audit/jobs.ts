import { defineJob } from '../jobs/job.ts';
import { anchorFinishedDays } from './verify.ts';

export const auditJobs = [
  // Once a business day is over (and its 5 minutes of grace), its anchor — the last seal of each
  // chain, sealed together — is stored in audit_anchors and written to the application log.
  defineJob({
    name: 'audit.anchor-days',
    schedule: '6 0 * * *',
    run: async (ctx) => {
      const anchors = await anchorFinishedDays(ctx.db, Buffer.from(ctx.config.AUDIT_KEY, 'hex'), ctx.now);
      for (const anchor of anchors) ctx.log.info({ auditAnchor: anchor }, '审计日志日锚点');
      ctx.done(anchors.length);
    },
  }),
];
