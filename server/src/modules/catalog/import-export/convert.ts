import type { BundleGuide, CatalogStatus, ItemGuide, Material } from '../contract.ts';
import {
  APPOINTMENT_MODE_LABELS,
  CHANNEL_LABELS,
  FORM_LABELS,
  IMPORTANCE_LABELS,
  ITEM_TYPE_LABELS,
  LIFE_STAGE_LABELS,
  MEDIUM_LABELS,
  PROCESSING_KIND_LABELS,
  reverse,
  SERVICE_OBJECT_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
} from '../labels.ts';

/** Guides ↔ workbook rows: enumerations as their Chinese labels, departments by name, lists as lines. */

type Cells = Record<string, string | number | null>;
const YES = '是';
const NO = '否';
const lines = (list: readonly string[]) => list.join('\n');
const dotted = (list: readonly string[]) => list.join('、');

export function itemRow(code: string, status: CatalogStatus, g: ItemGuide, departmentName: (id: string | null) => string): Cells {
  return {
    code,
    status: STATUS_LABELS[status],
    name: g.name,
    basicCode: g.basicCode,
    itemType: ITEM_TYPE_LABELS[g.itemType],
    departmentId: departmentName(g.departmentId),
    theme: THEME_LABELS[g.theme],
    serviceObjects: dotted(g.serviceObjects.map((s) => SERVICE_OBJECT_LABELS[s])),
    legalBasis: g.legalBasis,
    conditions: lines(g.conditions),
    steps: lines(g.steps.map((s) => (s.description ? `${s.name}：${s.description}` : s.name))),
    channels: dotted(g.channels.map((c) => CHANNEL_LABELS[c])),
    legalLimitDays: g.legalLimitDays,
    promisedLimitDays: g.promisedLimitDays,
    promisedLimitNote: g.promisedLimitNote,
    processingKind: PROCESSING_KIND_LABELS[g.processingKind],
    visitsNeeded: g.visitsNeeded,
    isFeeCharged: g.isFeeCharged ? YES : NO,
    feeDescription: g.feeDescription,
    feeBasis: g.feeBasis,
    place: g.place,
    hours: g.hours,
    enquiryPhone: g.enquiryPhone,
    complaintPhone: g.complaintPhone,
    onlineUrl: g.onlineUrl,
    keywords: dotted(g.keywords),
    'commitment.isAllowed': g.commitment.isAllowed ? YES : NO,
    'commitment.certificates': lines(g.commitment.certificates),
    'commitment.text': g.commitment.text,
    'deferral.isAllowed': g.deferral.isAllowed ? YES : NO,
    'deferral.materialKeys': dotted(g.deferral.materialKeys),
    'deferral.supplementDays': g.deferral.supplementDays,
    'jointReview.group': g.jointReview.group ?? '',
    'jointReview.leadDepartmentId': g.jointReview.leadDepartmentId ? departmentName(g.jointReview.leadDepartmentId) : '',
    'appointment.mode': APPOINTMENT_MODE_LABELS[g.appointment.mode],
    'appointment.walkInDailyQuota': g.appointment.walkInDailyQuota,
  };
}

export function materialRow(owner: string, m: Material): Cells {
  return {
    owner,
    key: m.key,
    name: m.name,
    importance: IMPORTANCE_LABELS[m.importance],
    form: FORM_LABELS[m.form],
    copies: m.copies,
    medium: MEDIUM_LABELS[m.medium],
    licenseType: m.licenseType ?? '',
    templateFileId: m.templateFileId ?? '',
    sampleFileId: m.sampleFileId ?? '',
    notes: m.notes,
  };
}

export function situationRows(owner: string, questions: ItemGuide['situations'] | BundleGuide['situations']): Cells[] {
  return questions.flatMap((q) =>
    q.options.map((o) => ({
      owner,
      questionKey: q.key,
      text: q.text,
      optionKey: o.key,
      label: o.label,
      addsMaterials: 'addsMaterials' in o ? dotted(o.addsMaterials) : '',
      removesMaterials: 'removesMaterials' in o ? dotted(o.removesMaterials) : '',
      skipsMembers: 'skipsMembers' in o ? dotted(o.skipsMembers) : '',
      addsConditions: lines(o.addsConditions),
    })),
  );
}

export function bundleRow(code: string, status: CatalogStatus, g: BundleGuide, departmentName: (id: string | null) => string): Cells {
  return {
    code,
    status: STATUS_LABELS[status],
    name: g.name,
    lifeStage: LIFE_STAGE_LABELS[g.lifeStage],
    leadDepartmentId: departmentName(g.leadDepartmentId),
    description: g.description,
    keywords: dotted(g.keywords),
    place: g.place,
    hours: g.hours,
    enquiryPhone: g.enquiryPhone,
    complaintPhone: g.complaintPhone,
  };
}

export const MEMBER_KIND_LABELS = { item: '事项', bundle: '一件事' } as const;

/** Drop-down lists the export offers for enumerated columns. */
export const COLUMN_LISTS = {
  items: {
    status: Object.values(STATUS_LABELS),
    itemType: Object.values(ITEM_TYPE_LABELS),
    theme: Object.values(THEME_LABELS),
    processingKind: Object.values(PROCESSING_KIND_LABELS),
    isFeeCharged: [YES, NO],
    'commitment.isAllowed': [YES, NO],
    'deferral.isAllowed': [YES, NO],
    'appointment.mode': Object.values(APPOINTMENT_MODE_LABELS),
  },
  materials: { importance: Object.values(IMPORTANCE_LABELS), form: Object.values(FORM_LABELS), medium: Object.values(MEDIUM_LABELS) },
  bundles: { status: Object.values(STATUS_LABELS), lifeStage: Object.values(LIFE_STAGE_LABELS) },
  members: { kind: Object.values(MEMBER_KIND_LABELS) },
};

/** Reading cells back; each reader reports a problem message instead of throwing. */
export type Read<T> = { value: T } | { problem: string };

export const readers = {
  text: (s: string): Read<string> => ({ value: s }),
  list: (s: string): Read<string[]> => ({ value: s.split(/[、,，;；\n]/).map((x) => x.trim()).filter(Boolean) }),
  lines: (s: string): Read<string[]> => ({ value: s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean) }),
  int: (s: string): Read<number> => (/^\d+$/.test(s) ? { value: Number(s) } : { problem: s ? `“${s}”不是非负整数` : '不能为空' }),
  optionalInt: (s: string): Read<number | null> => (s === '' ? { value: null } : /^\d+$/.test(s) ? { value: Number(s) } : { problem: `“${s}”不是非负整数` }),
  yesNo: (s: string): Read<boolean> => (s === YES ? { value: true } : s === NO || s === '' ? { value: false } : { problem: `应填写“是”或“否”，而不是“${s}”` }),
  label: <K extends string>(labels: Record<K, string>) => {
    const back = reverse(labels);
    return (s: string): Read<K> => {
      const v = back.get(s) ?? ((Object.keys(labels) as K[]).includes(s as K) ? (s as K) : undefined);
      return v !== undefined ? { value: v } : { problem: `“${s}”不是可选值（${Object.values<string>(labels).join('、')}）` };
    };
  },
  labels: <K extends string>(labels: Record<K, string>) => {
    const one = readers.label(labels);
    return (s: string): Read<K[]> => {
      const out: K[] = [];
      for (const part of s.split(/[、,，;；\n]/).map((x) => x.trim()).filter(Boolean)) {
        const r = one(part);
        if ('problem' in r) return r;
        out.push(r.value);
      }
      return { value: out };
    };
  },
  steps: (s: string): Read<{ name: string; description: string }[]> => ({
    value: s
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.search(/[：:]/);
        return at < 0 ? { name: line, description: '' } : { name: line.slice(0, at).trim(), description: line.slice(at + 1).trim() };
      }),
  }),
};

export const LABELS = {
  status: STATUS_LABELS,
  itemType: ITEM_TYPE_LABELS,
  theme: THEME_LABELS,
  serviceObjects: SERVICE_OBJECT_LABELS,
  channels: CHANNEL_LABELS,
  processingKind: PROCESSING_KIND_LABELS,
  appointmentMode: APPOINTMENT_MODE_LABELS,
  importance: IMPORTANCE_LABELS,
  form: FORM_LABELS,
  medium: MEDIUM_LABELS,
  lifeStage: LIFE_STAGE_LABELS,
  memberKind: MEMBER_KIND_LABELS,
};
