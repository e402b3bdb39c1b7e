import type { BundleGuide, ItemGuide } from './contract.ts';

/** A small valid guide for tests to start from and vary. */
export function sampleItemGuide(departmentId: string, overrides: Partial<ItemGuide> = {}): ItemGuide {
  return {
    name: '测试许可事项',
    basicCode: '',
    itemType: 'administrative_license',
    departmentId,
    theme: 'operating_permits',
    serviceObjects: ['legal_person'],
    legalBasis: '《测试条例》',
    conditions: ['具备相应的经营场所'],
    steps: [{ name: '申请', description: '' }],
    channels: ['counter', 'online'],
    legalLimitDays: 20,
    promisedLimitDays: 10,
    promisedLimitNote: '',
    processingKind: 'committed',
    visitsNeeded: 1,
    isFeeCharged: false,
    feeDescription: '不收费',
    feeBasis: '',
    place: '二楼 7 号窗',
    hours: '工作日',
    enquiryPhone: '12345',
    complaintPhone: '12345',
    onlineUrl: '',
    keywords: ['测试'],
    materials: [
      { key: 'application', name: '申请书', importance: 'core', form: 'original', copies: 1, medium: 'either', licenseType: null, templateFileId: null, sampleFileId: null, notes: '' },
      { key: 'floor_plan', name: '场所平面图', importance: 'secondary', form: 'copy', copies: 1, medium: 'paper', licenseType: null, templateFileId: null, sampleFileId: null, notes: '' },
    ],
    commitment: { isAllowed: false, certificates: [], text: '' },
    deferral: { isAllowed: false, materialKeys: [], supplementDays: null },
    jointReview: { group: null, leadDepartmentId: null },
    appointment: { mode: 'both', walkInDailyQuota: 50 },
    situations: [],
    ...overrides,
  };
}

export function sampleBundleGuide(leadDepartmentId: string, members: BundleGuide['members'], overrides: Partial<BundleGuide> = {}): BundleGuide {
  return {
    name: '测试一件事',
    lifeStage: 'operation',
    leadDepartmentId,
    description: '',
    keywords: [],
    members,
    situations: [],
    place: '',
    hours: '',
    enquiryPhone: '12345',
    complaintPhone: '12345',
    ...overrides,
  };
}
