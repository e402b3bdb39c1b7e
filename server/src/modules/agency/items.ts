import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, duplicate, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import type { AgencyItemDto } from './contract.ts';
import * as repo from './repository.ts';

/** 帮办代办高频服务清单: items of the center's published catalog, chosen by the manager, each with what the agent does and what the enterprise keeps doing. */

export async function listAgencyItems(db: DbOrTx, centerId: string, onlyActive: boolean): Promise<AgencyItemDto[]> {
  const [rows, published] = [await repo.listItems(db, centerId, onlyActive), await listPublishedItemFacts(db, centerId)];
  const byId = new Map(published.map((p) => [p.id, p]));
  return rows
    // an item withdrawn from the catalog drops off the public list
    .filter((r) => !onlyActive || byId.has(r.itemId))
    .map((r) => ({
      id: r.id,
      itemId: r.itemId,
      code: byId.get(r.itemId)?.code ?? '',
      name: byId.get(r.itemId)?.name ?? '（已不在目录中）',
      agentDoes: r.agentDoes,
      enterpriseDoes: r.enterpriseDoes,
      isActive: r.isActive,
      version: r.version,
    }));
}

function centerOf(principal: StaffPrincipal): string {
  if (!principal.centerId) throw forbidden('您未被分配到服务中心');
  return principal.centerId;
}

export async function addAgencyItem(db: DbOrTx, principal: StaffPrincipal, input: { code: string; agentDoes: string; enterpriseDoes: string }): Promise<string> {
  const centerId = centerOf(principal);
  const item = (await listPublishedItemFacts(db, centerId)).find((i) => i.code === input.code);
  if (!item) throw invalidField('code', '该事项不在本中心公布的事项目录中');
  const row = await repo.insertItem(db, { centerId, itemId: item.id, agentDoes: input.agentDoes, enterpriseDoes: input.enterpriseDoes });
  if (!row) throw duplicate('code', '该事项已在高频服务清单中');
  return row.id;
}

export async function updateAgencyItem(db: DbOrTx, principal: StaffPrincipal, id: string, input: { version: number; agentDoes: string; enterpriseDoes: string; isActive: boolean }): Promise<void> {
  const row = await repo.findItem(db, id);
  if (!row || !isCenterInScope(principal, row.centerId) || row.centerId !== principal.centerId) throw notFound('清单事项');
  const { version, ...patch } = input;
  if (!(await repo.updateItem(db, id, version, patch))) throw new AppError('STALE_VERSION', '该清单事项已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
}
