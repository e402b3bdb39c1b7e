import type { Config } from '../../config.ts';
import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  acceptApplication,
  approveTask,
  declineApplication,
  getApplicationDetail,
  markMaterial,
  requestSupplement,
  storeApplicantUpload,
  takeTask,
} from '../applications/service.ts';
import { enterprisesByIds } from '../enterprises/service.ts';
import { listStaff } from '../staff/service.ts';
import { applicationFormFor, applyForPolicy } from './apply/service.ts';
import * as repo from './repository.ts';

/** The smallest PDF a file-type check recognises: the demo's uploaded materials. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** What happens to each demo application after it is made online. */
const STEPS = ['received', 'accepted', 'approved', 'supplement', 'declined'] as const;
const PORTAL_ACCOUNTS = ['91440605MA4W3K7P3K', '91440605MA51XQ2D77'];

/**
 * Online applications for an apply-mode demo policy, one in each state a center sees: waiting for
 * the window, accepted and under review, approved by the department, sent back with a one-time
 * supplement notice, declined. Made through the same services as on the portal and at the
 * window (the demo's clerk at counter 1 and the 市场监督管理局 reviewer).
 */
export async function seedPolicyApplicationsDemo(db: Db, config: Config, policyTitle: string): Promise<void> {
  const deps = { db, config };
  const policy = (await repo.listByStatus(db, 'published')).find((p) => p.title === policyTitle);
  if (!policy?.itemId) return;
  const clerk = await principalOf(db, 'clerk');
  const reviewer = await principalOf(db, 'reviewer');
  if (!clerk || !reviewer) return;
  const matches = await repo.pageMatches(db, policy.id, 1, 20);
  const names = await enterprisesByIds(db, matches.map((m) => m.enterpriseId));
  // not the demo portal accounts: their portals stay as a new user finds them
  const applicants = matches.filter((m) => !PORTAL_ACCOUNTS.includes(m.uscc)).slice(0, STEPS.length);
  for (const [i, m] of applicants.entries()) {
    const enterprise: EnterprisePrincipal = { type: 'enterprise', id: m.enterpriseId, uscc: m.uscc, name: names.get(m.enterpriseId)?.name ?? '' };
    const answers = { food: 'yes' };
    const form = await applicationFormFor(deps, m.uscc, policy.id, answers);
    const materials = [];
    for (const material of form.materials) {
      if (material.license) materials.push({ key: material.key, fileId: null, licenseId: material.license.id });
      else materials.push({ key: material.key, fileId: (await storeApplicantUpload(deps, { enterpriseId: m.enterpriseId, uscc: m.uscc, name: enterprise.name }, { filename: `${material.name}.pdf`, content: PDF })).id, licenseId: null });
    }
    const { applicationId } = await applyForPolicy(deps, enterprise, policy.id, { answers, contactPhone: '', materials });
    const version = async () => (await getApplicationDetail(deps, clerk, applicationId)).version;
    switch (STEPS[i]!) {
      case 'received':
        break;
      case 'accepted':
        await acceptApplication(deps, clerk, { id: applicationId, version: await version() });
        break;
      case 'approved': {
        await acceptApplication(deps, clerk, { id: applicationId, version: await version() });
        let task = (await getApplicationDetail(deps, reviewer, applicationId)).tasks[0]!;
        await takeTask(deps, reviewer, { taskId: task.id, version: task.version });
        task = (await getApplicationDetail(deps, reviewer, applicationId)).tasks[0]!;
        await approveTask(deps, reviewer, { taskId: task.id, version: task.version, opinion: '经审核，企业符合政策条件，同意兑现补助资金。', licenseTypeCode: null });
        break;
      }
      case 'supplement':
        await markMaterial(deps, clerk, { applicationId, key: 'bank_account', mark: { status: 'defective', problem: '开户许可证复印件不清晰，请上传清晰的扫描件' } });
        await requestSupplement(deps, clerk, { id: applicationId, version: await version(), items: [], deadlineDays: 5, reason: '' });
        break;
      case 'declined':
        await declineApplication(deps, clerk, { id: applicationId, version: await version(), reason: '该企业本年度已享受同类规范化提升补助，不予重复受理', remedies: '可于下一年度重新申报' });
        break;
    }
  }
}

async function principalOf(db: Db, username: string): Promise<StaffPrincipal | null> {
  const found = (await listStaff(db, {})).find((s) => s.username === username);
  if (!found) return null;
  return {
    type: 'staff',
    id: found.id,
    username: found.username,
    displayName: found.displayName,
    roles: found.roles,
    permissions: new Set(permissionsOf(found.roles)),
    centerId: found.centerId,
    centerScope: found.centerId ? [found.centerId] : null,
    departmentId: found.departmentId,
    mustChangePassword: false,
  };
}
