import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { describeFiles, storeFile } from '../../../platform/files/service.ts';
import { encryptField, lookupHash, maskPhone, normalizePhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { contactPhonesOf, findEnterpriseByUscc } from '../../enterprises/service.ts';
import { licensesByIds } from '../../licenses/service.ts';
import type { ItemGuide } from '../../catalog/contract.ts';
import { getCenter } from '../../venue/service.ts';
import { recordEvent, runAction, type Performer, type ServiceDeps } from '../actions.ts';
import * as repo from '../repository.ts';
import { stagePlan } from '../review/schedule.ts';
import { requireTransition } from '../workflow/transition.ts';
import { bundleChecklist, itemChecklist, problemsError } from './checklist.ts';
import { MATERIAL_POLICY } from './service.ts';
import { compactStages, resolveSource, type MemberSource, type ResolvedSource } from './source.ts';

/**
 * 网上申报 (clause 7; 6.3.4 pre-fill): an enterprise signed in on the portal applies for one item.
 * Its uploads are stored first (each answered with a file id); the application is then received
 * in one transaction with those files and the e-licenses it holds recorded against the checklist,
 * as 已收件 on the `online` channel. From there it follows the same workflow as an application
 * received at a counter: a clerk checks it (accept, one-time supplement notice, or decline), the
 * item's department reviews it within the promised time limit, the result is delivered.
 */

export type OnlineApplicant = { enterpriseId: string; uscc: string; name: string };

export type OnlineIntake = {
  centerId: string;
  /** an item, or a bundle (一件事): received as the bundle with its member applications, as at the counter */
  kind?: 'item' | 'bundle';
  itemCode: string;
  answers: Record<string, string>;
  /** the phone progress messages go to; null: the enterprise's registered contact phone */
  contactPhone: string | null;
  /** what is provided per material key: an upload of this enterprise, or one of its valid e-licenses */
  materials: { key: string; fileId: string | null; licenseId: string | null }[];
  /** what the enterprise applies for under the item (a policy): named with the item and on the timeline */
  subject?: { title: string; detail: Record<string, unknown> };
};

/** What an online application of this item asks for under the answers given so far (the portal's form shows it). */
export function onlineChecklist(guide: ItemGuide, code: string, answers: Readonly<Record<string, string>>) {
  return itemChecklist(guide, code, answers, { isCommitment: false, hasAgent: false }).filter((e) => e.status === 'missing');
}

/** Who stored an enterprise's upload: the upload can only be used by that enterprise. */
const uploaderOf = (uscc: string) => `enterprise:${uscc}`;

/** Stores a material an enterprise uploads on the portal (PDF, JPG or PNG, checked by content); returns its id for the application. */
export async function storeApplicantUpload(deps: ServiceDeps, applicant: OnlineApplicant, file: { filename: string; content: Buffer }) {
  const stored = await storeFile(deps.db, { ...MATERIAL_POLICY, purpose: 'application_material', filename: file.filename, content: file.content, createdBy: uploaderOf(applicant.uscc) });
  return { id: stored.id, filename: stored.filename, size: stored.size };
}

/**
 * Receives an online application; `within` runs in the same transaction once it exists (the
 * policies module records which policy it is for there), so both are kept or neither.
 */
export async function receiveOnlineApplication(
  deps: ServiceDeps,
  applicant: OnlineApplicant,
  input: OnlineIntake,
  within?: (tx: Tx, created: { id: string; number: string }) => Promise<void>,
  now = new Date(),
): Promise<{ id: string; number: string }> {
  const { db, config } = deps;
  requireTransition(input.kind === 'bundle' ? 'bundle' : 'single', null, 'receive', 'applicant');
  const center = await getCenter(db, input.centerId);
  const source = await resolveSource(db, center.id, { kind: input.kind ?? 'item', code: input.itemCode }, input.answers);
  const guides = source.kind === 'item' ? [source.guide] : source.members.map((m) => m.guide);
  if (guides.some((g) => !g.channels.includes('online'))) {
    throw new AppError('ONLINE_NOT_OFFERED', `“${source.name}”未开通网上申报，请到窗口办理`, [{ field: 'itemCode', message: '未开通网上申报' }]);
  }
  const enterprise = await findEnterpriseByUscc(db, applicant.uscc);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业库中没有贵企业的登记信息，请到窗口办理');

  const keys = personalDataKeys(config);
  let phone: string | null = null;
  if (input.contactPhone) {
    phone = normalizePhone(input.contactPhone);
    if (!phone) throw new AppError('PHONE_INVALID', '联系电话不正确：应为 11 位手机号码或带区号的固定电话', [{ field: 'contactPhone', message: '号码不正确' }]);
  } else {
    phone = (await contactPhonesOf(db, keys, [enterprise.id])).get(enterprise.id) ?? null;
  }

  const members = source.kind === 'bundle' ? compactStages(source.members) : [];
  const checklist =
    source.kind === 'item' ? itemChecklist(source.guide, source.code, input.answers, { isCommitment: false, hasAgent: false }) : bundleChecklist(members, input.answers, { hasAgent: false });
  const provided = await checkProvided(deps, applicant, checklist, input.materials);

  const today = businessToday(now);
  const performer: Performer = { kind: 'enterprise', enterpriseId: enterprise.id, name: enterprise.name };
  return db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    const serial = await repo.nextCounter(tx, center.regionCode, year, 'application');
    const number = `${center.regionCode}-${year}-${String(serial).padStart(6, '0')}`;
    const common = {
      centerId: center.id,
      uscc: enterprise.uscc,
      applicantName: enterprise.name,
      enterpriseId: enterprise.id,
      phoneCipher: phone ? encryptField(keys, 'phone', phone) : null,
      phoneHash: phone ? lookupHash(keys, 'phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      channel: 'online',
      answers: input.answers,
      state: 'received',
      receivedAt: now,
      lastReceivedOn: today,
      createdAt: now,
      updatedAt: now,
    } as const;
    const id =
      source.kind === 'item'
        ? await repo.insertApplication(tx, {
            ...common,
            number,
            kind: 'item',
            guideVersionId: source.versionId,
            code: source.code,
            name: input.subject ? `${source.name}：${input.subject.title}` : source.name,
            departmentId: source.guide.departmentId,
            leadDepartmentId: null,
            promisedDays: source.guide.promisedLimitDays,
          })
        : await insertBundle(tx, common, { source, members, number, regionCode: center.regionCode, year });
    await repo.insertMaterials(
      tx,
      checklist.map((e, position) => {
        const p = provided.get(e.key);
        const status = p?.fileId ? 'uploaded' : p?.licenseId ? 'license' : e.status;
        return { applicationId: id, ...e, status, fileId: p?.fileId ?? null, licenseId: p?.licenseId ?? null, position, updatedBy: enterprise.name, updatedAt: now };
      }),
    );
    const app = (await repo.findApplication(tx, id))!;
    await recordEvent(
      { tx, app, performer, byName: enterprise.name, now },
      {
        action: 'receive',
        from: null,
        to: 'received',
        note: input.subject ? `网上申报：${input.subject.title}` : '网上申报',
        detail: { channel: 'online', ...(source.kind === 'item' ? { guideVersionId: source.versionId } : { bundleVersionId: source.versionId }), ...input.subject?.detail },
        departmentId: null,
      },
    );
    await within?.(tx, { id, number });
    return { id, number };
  });
}

type Common = Omit<Parameters<typeof repo.insertApplication>[1], 'number' | 'kind' | 'code' | 'name' | 'departmentId' | 'promisedDays'>;
type BundleSource = Extract<ResolvedSource, { kind: 'bundle' }>;

/** A bundle received online: the bundle's application and one per member item in its stage, as the counter's intake makes them. */
async function insertBundle(tx: Tx, common: Common, b: { source: BundleSource; members: MemberSource[]; number: string; regionCode: string; year: number }): Promise<string> {
  const lead = b.source.guide.leadDepartmentId;
  const plan = stagePlan(b.members.map((m) => ({ stage: m.stage, promisedDays: m.guide.promisedLimitDays })));
  const id = await repo.insertApplication(tx, { ...common, number: b.number, kind: 'bundle', bundleVersionId: b.source.versionId, code: b.source.code, name: b.source.name, departmentId: lead, leadDepartmentId: lead, promisedDays: plan.totalDays });
  const childSerial = await repo.nextCounter(tx, b.regionCode, b.year, 'application', b.members.length);
  for (const [i, m] of b.members.entries()) {
    const number = `${b.regionCode}-${b.year}-${String(childSerial - b.members.length + 1 + i).padStart(6, '0')}`;
    await repo.insertApplication(tx, { ...common, number, kind: 'item', parentId: id, guideVersionId: m.versionId, code: m.code, name: m.guide.name, departmentId: m.guide.departmentId, leadDepartmentId: lead, stage: m.stage, promisedDays: m.guide.promisedLimitDays });
  }
  return id;
}

/**
 * An enterprise uploads, online, a material its application still owes (missing, defective or
 * deferred) — after a one-time supplement notice, typically; the clerk then takes it in as usual.
 */
export async function supplyOwnMaterial(deps: ServiceDeps, applicant: OnlineApplicant, input: { applicationId: string; key: string; fileId: string; now?: Date }): Promise<void> {
  const current = await repo.findApplication(deps.db, input.applicationId);
  if (!current || current.uscc !== applicant.uscc || current.channel !== 'online' || !current.enterpriseId) throw new AppError('NOT_FOUND', '未找到该办件');
  const [file] = await ownUploads(deps, applicant, [input.fileId]);
  if (!file) throw new AppError('VALIDATION_FAILED', '上传的文件不存在或不属于贵企业，请重新上传', [{ field: 'fileId', message: '文件无效' }]);
  const performer: Performer = { kind: 'enterprise', enterpriseId: current.enterpriseId, name: current.applicantName };
  await runAction(deps, { applicationId: input.applicationId, action: 'record_material', performer, now: input.now }, async (ctx) => {
    const material = (await repo.listMaterials(ctx.tx, input.applicationId)).find((m) => m.key === input.key);
    if (!material) throw new AppError('NOT_FOUND', `本办件没有材料“${input.key}”`, [{ field: 'key', message: '材料不存在' }]);
    if (!['missing', 'defective', 'deferred'].includes(material.status)) {
      throw new AppError('INVALID_STATE', `“${material.name}”已提交，无需再上传`, [{ field: 'key', message: '该材料无需补交' }]);
    }
    await repo.updateMaterial(ctx.tx, input.applicationId, input.key, { status: 'uploaded', fileId: file.id, licenseId: null, problem: '', updatedBy: current.applicantName, updatedAt: ctx.now });
    return { to: 'unchanged', note: `网上补交“${material.name}”`, detail: { key: input.key, fileId: file.id } };
  });
}

type ChecklistKeys = readonly { key: string; name: string; importance: 'core' | 'secondary'; licenseType: string | null; status: string }[];

/**
 * Every material provided is on the checklist, is this enterprise's own upload or valid e-license
 * of the right type; every core material is provided (not asked of a draft: `isComplete` false).
 */
export async function checkProvided(deps: ServiceDeps, applicant: OnlineApplicant, checklist: ChecklistKeys, materials: OnlineIntake['materials'], isComplete = true) {
  const problems: FieldError[] = [];
  const byKey = new Map(checklist.map((m) => [m.key, m]));
  const files = new Map((await ownUploads(deps, applicant, materials.flatMap((m) => (m.fileId ? [m.fileId] : [])))).map((f) => [f.id, f]));
  const licenses = new Map((await licensesByIds(deps.db, materials.flatMap((m) => (m.licenseId ? [m.licenseId] : [])))).map((l) => [l.id, l]));
  const provided = new Map<string, { fileId: string | null; licenseId: string | null }>();
  for (const [i, m] of materials.entries()) {
    const field = `materials.${i}`;
    const entry = byKey.get(m.key);
    if (!entry) {
      problems.push({ field: `${field}.key`, message: `本事项没有材料“${m.key}”` });
      continue;
    }
    if (provided.has(m.key)) problems.push({ field: `${field}.key`, message: `“${entry.name}”重复提交` });
    if (m.fileId && !files.has(m.fileId)) problems.push({ field: `${field}.fileId`, message: `“${entry.name}”的文件不存在或不属于贵企业，请重新上传` });
    if (m.licenseId) {
      const license = licenses.get(m.licenseId);
      if (!license || license.holder.uscc !== applicant.uscc) problems.push({ field: `${field}.licenseId`, message: `“${entry.name}”所选电子证照不属于贵企业` });
      else if (license.status !== 'valid') problems.push({ field: `${field}.licenseId`, message: `“${entry.name}”所选电子证照已过期或已注销` });
      else if (license.type.code !== entry.licenseType) problems.push({ field: `${field}.licenseId`, message: `所选证照是“${license.type.name}”，与材料“${entry.name}”不符` });
    }
    provided.set(m.key, { fileId: m.fileId, licenseId: m.fileId ? null : m.licenseId });
  }
  for (const entry of checklist) {
    if (isComplete && entry.importance === 'core' && entry.status === 'missing' && !provided.has(entry.key)) {
      problems.push({ field: `materials.${entry.key}`, message: `请提供“${entry.name}”` });
    }
  }
  if (problems.length > 0) throw problemsError('申报材料', problems);
  return provided;
}

export async function ownUploads(deps: ServiceDeps, applicant: OnlineApplicant, ids: string[]) {
  return (await describeFiles(deps.db, ids, 'application_material')).filter((f) => f.createdBy === uploaderOf(applicant.uscc));
}
