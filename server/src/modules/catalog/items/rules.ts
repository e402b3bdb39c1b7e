import type { FieldError } from '../../../platform/errors.ts';
import type { ItemGuide } from '../contract.ts';

/**
 * The rules a guide must satisfy beyond its shape. Every problem is returned at once, each
 * with the path of the field (relative to the guide) and a message naming it.
 */
export function checkItemGuide(guide: ItemGuide): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  if (guide.legalLimitDays !== null && guide.promisedLimitDays > guide.legalLimitDays) {
    add('promisedLimitDays', `承诺办结时限（${guide.promisedLimitDays} 个工作日）不能超过法定办结时限（${guide.legalLimitDays} 个工作日）`);
  }
  if (guide.processingKind === 'instant' && guide.promisedLimitDays !== 0) {
    add('promisedLimitDays', '即办件当场办结，承诺办结时限应为 0 个工作日');
  }
  if (guide.processingKind === 'committed' && guide.promisedLimitDays < 1) {
    add('promisedLimitDays', '承诺件的承诺办结时限至少为 1 个工作日');
  }
  if (guide.isFeeCharged && !guide.feeBasis) add('feeBasis', '收费事项须写明收费依据');

  const materials = new Map(guide.materials.map((m) => [m.key, m]));
  guide.materials.forEach((m, i) => {
    if (guide.materials.findIndex((other) => other.key === m.key) !== i) add(`materials.${i}.key`, `材料代码“${m.key}”重复`);
  });

  const { commitment, deferral, jointReview, appointment } = guide;
  if (commitment.isAllowed) {
    if (commitment.certificates.length === 0) add('commitment.certificates', '实行告知承诺的事项须列明以承诺替代的证明');
    if (!commitment.text) add('commitment.text', '实行告知承诺的事项须提供告知承诺书文本');
  }

  if (deferral.isAllowed) {
    if (deferral.materialKeys.length === 0) add('deferral.materialKeys', '容缺受理须列明可以后补的次要材料');
    deferral.materialKeys.forEach((key, i) => {
      const m = materials.get(key);
      if (!m) add(`deferral.materialKeys.${i}`, `容缺材料“${key}”不在本事项的材料清单中`);
      else if (m.importance === 'core') add(`deferral.materialKeys.${i}`, `“${m.name}”是核心材料，核心材料须齐全，不能容缺后补`);
    });
    if (deferral.supplementDays === null) add('deferral.supplementDays', '容缺受理须规定补正期限');
    else if (deferral.supplementDays > guide.promisedLimitDays) {
      add(
        'deferral.supplementDays',
        `容缺补正期限（${deferral.supplementDays} 个工作日）不能超过承诺办结时限（${guide.promisedLimitDays} 个工作日）`,
      );
    }
  }

  if ((jointReview.group === null || jointReview.group === '') !== (jointReview.leadDepartmentId === null)) {
    add('jointReview.leadDepartmentId', '联审联办须同时填写联办组和牵头部门');
  }
  if (appointment.mode === 'appointment_only' && appointment.walkInDailyQuota !== null) {
    add('appointment.walkInDailyQuota', '全预约事项不设现场取号量');
  }

  const questionKeys = new Set<string>();
  guide.situations.forEach((q, qi) => {
    if (questionKeys.has(q.key)) add(`situations.${qi}.key`, `情形问题代码“${q.key}”重复`);
    questionKeys.add(q.key);
    q.options.forEach((o, oi) => {
      const at = `situations.${qi}.options.${oi}`;
      for (const [list, name] of [
        [o.addsMaterials, 'addsMaterials'],
        [o.removesMaterials, 'removesMaterials'],
      ] as const) {
        list.forEach((key, ki) => {
          if (!materials.has(key)) add(`${at}.${name}.${ki}`, `选项“${o.label}”引用的材料“${key}”不在材料清单中`);
        });
      }
      const both = o.addsMaterials.filter((k) => o.removesMaterials.includes(k));
      if (both.length > 0) add(`${at}.removesMaterials`, `选项“${o.label}”不能同时增加和免除材料“${both.join('、')}”`);
    });
  });
  return errors;
}

/** Clears the parts of a guide that a switched-off flag makes meaningless, so they are not stored. */
export function normalizeItemGuide(guide: ItemGuide): ItemGuide {
  return {
    ...guide,
    commitment: guide.commitment.isAllowed ? guide.commitment : { isAllowed: false, certificates: [], text: '' },
    deferral: guide.deferral.isAllowed ? guide.deferral : { isAllowed: false, materialKeys: [], supplementDays: null },
    jointReview: guide.jointReview.group ? guide.jointReview : { group: null, leadDepartmentId: null },
  };
}

/** The departments and files a guide refers to, for checking that they belong to the center. */
export function referencesOf(guide: ItemGuide): { departmentIds: { field: string; id: string }[]; fileIds: { field: string; id: string }[] } {
  const departmentIds = [{ field: 'departmentId', id: guide.departmentId }];
  if (guide.jointReview.leadDepartmentId) departmentIds.push({ field: 'jointReview.leadDepartmentId', id: guide.jointReview.leadDepartmentId });
  const fileIds: { field: string; id: string }[] = [];
  guide.materials.forEach((m, i) => {
    if (m.templateFileId) fileIds.push({ field: `materials.${i}.templateFileId`, id: m.templateFileId });
    if (m.sampleFileId) fileIds.push({ field: `materials.${i}.sampleFileId`, id: m.sampleFileId });
  });
  return { departmentIds, fileIds };
}
