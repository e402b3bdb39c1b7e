import type { Config } from '../../../../config.ts';
import { permissionsOf } from '../../../../platform/auth/roles.ts';
import type { StaffPrincipal } from '../../../../platform/auth/principal.ts';
import type { Db } from '../../../../platform/db/database.ts';
import { findEnterpriseByUscc } from '../../../enterprises/service.ts';
import { searchLicenses } from '../../../licenses/service.ts';
import { listStaff } from '../../../staff/service.ts';
import { getApplicationDetail } from '../../service.ts';
import { requestSupplement } from '../../decisions/service.ts';
import { storeApplicantUpload, type OnlineApplicant } from '../online.ts';
import { createDraft, onlineFormFor, submitOnline } from './service.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const FOOD_BUSINESS = 'NH-SCJG-006';
const ANSWERS = { prepackaged_only: 'no', online_sales: 'no' };
/** the demo portal account whose 我的办件 shows a draft (the other, the caterer, starts with none) */
const DRAFT_ACCOUNT = '91440605MA4W3K7P3K';
const PORTAL_ACCOUNTS = [DRAFT_ACCOUNT, '91440605MA51XQ2D77'];

/**
 * 一网通办 demo (issue 14, item 3): a draft of 食品经营许可 in the demo manufacturer's 我的办件, and
 * two online applications of other enterprises in the online review center — one waiting for the
 * check, one sent back with a one-time supplement notice. Made through the portal's services.
 */
export async function seedOnlineApplyingDemo(db: Db, config: Config, centerId: string): Promise<void> {
  const deps = { db, config };
  const clerk = await clerkOf(db, centerId);
  if (!clerk) return;
  const draftOwner = await applicantOf(db, DRAFT_ACCOUNT);
  if (draftOwner) {
    const form = await onlineFormFor(deps, draftOwner, 'item', FOOD_BUSINESS, { centerId, answers: ANSWERS });
    const license = form.materials.find((m) => m.license)?.license;
    if (!form.draft) await createDraft(deps, draftOwner, { kind: 'item', itemCode: FOOD_BUSINESS, centerId, answers: ANSWERS, materials: license ? [{ key: 'business_license', fileId: null, licenseId: license.id }] : [] });
  }
  const holders = (await searchLicenses(db, { status: 'valid', page: 1, pageSize: 200 })).items.filter((l) => l.type.code === 'business_license' && !PORTAL_ACCOUNTS.includes(l.holder.uscc));
  for (const [i, step] of (['waiting', 'supplement'] as const).entries()) {
    const uscc = holders[i]?.holder.uscc;
    const applicant = uscc ? await applicantOf(db, uscc) : null;
    if (!applicant) continue;
    const form = await onlineFormFor(deps, applicant, 'item', FOOD_BUSINESS, { centerId, answers: ANSWERS });
    const materials = [];
    for (const m of form.materials) {
      if (m.license) materials.push({ key: m.key, fileId: null, licenseId: m.license.id });
      else if (m.key !== 'safety_staff' || step === 'waiting') materials.push({ key: m.key, fileId: (await storeApplicantUpload(deps, applicant, { filename: `${m.name}.pdf`, content: PDF })).id, licenseId: null });
    }
    const { id } = await submitOnline(deps, applicant, { kind: 'item', itemCode: FOOD_BUSINESS, centerId, answers: ANSWERS, materials, contactPhone: '', declaration: true });
    if (step === 'supplement') {
      const { version } = await getApplicationDetail(deps, clerk, id);
      await requestSupplement(deps, clerk, { id, version, items: [{ key: 'safety_staff', requirement: '附食品安全总监、食品安全员的任命文件' }], deadlineDays: 5, reason: '' });
    }
  }
}

async function applicantOf(db: Db, uscc: string): Promise<OnlineApplicant | null> {
  const e = await findEnterpriseByUscc(db, uscc);
  return e ? { enterpriseId: e.id, uscc: e.uscc, name: e.name } : null;
}

async function clerkOf(db: Db, centerId: string): Promise<StaffPrincipal | null> {
  const found = (await listStaff(db, { centerId })).find((s) => s.username === 'clerk');
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
