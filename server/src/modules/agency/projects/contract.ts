import { z } from 'zod';
import { isoDate, uscc, version } from '../../../platform/http/schemas.ts';

/** 重点项目: a project, the items it needs, its agent team and milestones. */

export const milestoneDto = z.object({ id: z.string(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), doneBy: z.string(), isOverdue: z.boolean() });
export const projectDto = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseName: z.string(),
  description: z.string(),
  items: z.array(z.object({ itemId: z.string(), name: z.string() })),
  team: z.array(z.object({ staffId: z.string(), name: z.string(), isLead: z.boolean() })),
  milestones: z.array(milestoneDto),
  /** share of milestones done, 0–100 */
  progress: z.number(),
  /** the agency requests taken for the project */
  requests: z.array(z.object({ id: z.string(), number: z.string(), itemName: z.string(), matter: z.string(), state: z.string(), stateLabel: z.string(), agentName: z.string() })),
  version: z.number(),
});
export type ProjectDto = z.infer<typeof projectDto>;
export const projectList = z.object({ items: z.array(projectDto) });

export const projectInput = z.strictObject({
  name: z.string().trim().min(1, '请填写项目名称').max(200, '项目名称不能超过 200 字'),
  uscc,
  description: z.string().trim().max(2000, '项目简介不能超过 2000 字').default(''),
  /** the codes of the catalog items the project needs */
  itemCodes: z.array(z.string().trim().min(1).max(40)).max(50, '事项不能超过 50 项').default([]),
  team: z
    .array(z.strictObject({ staffId: z.uuid('代办人员编号格式不正确'), isLead: z.boolean().default(false) }))
    .min(1, '请指定代办团队')
    .max(20, '代办团队不能超过 20 人'),
});
export const milestoneInput = z.strictObject({
  version,
  title: z.string().trim().min(1, '请填写节点名称').max(200, '节点名称不能超过 200 字'),
  dueOn: isoDate,
});
export const milestoneParams = z.strictObject({ id: z.uuid('编号格式不正确'), milestoneId: z.uuid('编号格式不正确') });
export const projectVersionBody = z.strictObject({ version });
