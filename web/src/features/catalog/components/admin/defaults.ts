import type { BundleGuide, ItemGuide } from '../../api.ts';

/** A new item's starting guide: the usual answers, to be changed. */
export const newItemGuide = (): Partial<ItemGuide> => ({
  name: '',
  basicCode: '',
  itemType: 'administrative_license',
  theme: 'operating_permits',
  serviceObjects: ['legal_person'],
  legalBasis: '',
  conditions: [],
  steps: [
    { name: '申请', description: '' },
    { name: '受理', description: '' },
    { name: '审查', description: '' },
    { name: '决定', description: '' },
    { name: '送达', description: '' },
  ],
  channels: ['counter', 'online'],
  legalLimitDays: 20,
  promisedLimitDays: 10,
  promisedLimitNote: '',
  processingKind: 'committed',
  visitsNeeded: 1,
  isFeeCharged: false,
  feeDescription: '不收费',
  feeBasis: '',
  place: '',
  hours: '',
  enquiryPhone: '12345',
  complaintPhone: '12345',
  onlineUrl: '',
  keywords: [],
  materials: [],
  commitment: { isAllowed: false, certificates: [], text: '' },
  deferral: { isAllowed: false, materialKeys: [], supplementDays: null },
  jointReview: { group: null, leadDepartmentId: null },
  appointment: { mode: 'both', walkInDailyQuota: null },
  situations: [],
});

export const newBundleGuide = (): Partial<BundleGuide> => ({
  name: '',
  lifeStage: 'start',
  description: '',
  keywords: [],
  members: [],
  situations: [],
  place: '',
  hours: '',
  enquiryPhone: '12345',
  complaintPhone: '12345',
});

/** Form values back to a guide: empty optional texts to null, keys trimmed. */
export function itemGuideOf(values: ItemGuide): ItemGuide {
  return {
    ...values,
    conditions: (values.conditions ?? []).filter(Boolean),
    keywords: values.keywords ?? [],
    materials: (values.materials ?? []).map((m) => ({ ...m, licenseType: m.licenseType || null, templateFileId: m.templateFileId || null, sampleFileId: m.sampleFileId || null, notes: m.notes ?? '' })),
    commitment: { isAllowed: !!values.commitment?.isAllowed, certificates: values.commitment?.certificates ?? [], text: values.commitment?.text ?? '' },
    deferral: { isAllowed: !!values.deferral?.isAllowed, materialKeys: values.deferral?.materialKeys ?? [], supplementDays: values.deferral?.supplementDays ?? null },
    jointReview: { group: values.jointReview?.group || null, leadDepartmentId: values.jointReview?.leadDepartmentId || null },
    appointment: { mode: values.appointment.mode, walkInDailyQuota: values.appointment.walkInDailyQuota ?? null },
    situations: (values.situations ?? []).map((q) => ({
      ...q,
      options: (q.options ?? []).map((o) => ({ ...o, addsMaterials: o.addsMaterials ?? [], removesMaterials: o.removesMaterials ?? [], addsConditions: o.addsConditions ?? [] })),
    })),
  };
}

export function bundleGuideOf(values: BundleGuide): BundleGuide {
  return {
    ...values,
    keywords: values.keywords ?? [],
    members: values.members ?? [],
    situations: (values.situations ?? []).map((q) => ({
      ...q,
      options: (q.options ?? []).map((o) => ({ ...o, skipsMembers: o.skipsMembers ?? [], addsConditions: o.addsConditions ?? [] })),
    })),
  };
}
