import type {
  AppointmentMode,
  Channel,
  ItemType,
  LifeStage,
  ProcessingKind,
  Theme,
  CatalogStatus,
} from './contract.ts';
import type { MATERIAL_FORMS, MATERIAL_IMPORTANCE, MATERIAL_MEDIA, SERVICE_OBJECTS } from './contract.ts';

/**
 * Chinese names of the catalog's enumerations, as the workbook shows them and the search reads
 * them. (The web app keeps its own copy in its locale file, checked against the same enums.)
 */
export const THEME_LABELS: Record<Theme, string> = {
  start_up: '企业开办',
  operating_permits: '经营许可',
  construction: '工程建设',
  tax: '涉税业务',
  utilities: '水电气网',
  real_estate: '不动产登记',
  talent: '人才服务',
  benefits: '惠企政策',
};

export const LIFE_STAGE_LABELS: Record<LifeStage, string> = {
  start: '开办',
  operation: '经营',
  construction: '工程建设',
  real_estate: '不动产登记',
  exit: '注销',
};

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  administrative_license: '行政许可',
  administrative_confirmation: '行政确认',
  administrative_filing: '行政备案',
  public_service: '公共服务',
  other_power: '其他行政权力',
};

export const SERVICE_OBJECT_LABELS: Record<(typeof SERVICE_OBJECTS)[number], string> = {
  legal_person: '企业法人',
  individual_business: '个体工商户',
  other_organization: '其他组织',
  natural_person: '自然人',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  counter: '窗口办理',
  online: '网上办理',
  kiosk: '自助终端',
  video: '视频办',
  cross_region: '跨域通办',
  nearby: '就近办',
};

export const PROCESSING_KIND_LABELS: Record<ProcessingKind, string> = { instant: '即办件', committed: '承诺件' };

export const APPOINTMENT_MODE_LABELS: Record<AppointmentMode, string> = {
  walk_in: '现场取号',
  appointment_only: '全预约',
  both: '预约或现场取号',
};

export const IMPORTANCE_LABELS: Record<(typeof MATERIAL_IMPORTANCE)[number], string> = { core: '核心', secondary: '次要' };
export const FORM_LABELS: Record<(typeof MATERIAL_FORMS)[number], string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件和复印件',
};
export const MEDIUM_LABELS: Record<(typeof MATERIAL_MEDIA)[number], string> = { paper: '纸质', electronic: '电子', either: '纸质或电子' };

export const STATUS_LABELS: Record<CatalogStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

/** label → value, for reading the workbook back. */
export function reverse<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map((Object.entries(labels) as [K, string][]).map(([k, v]) => [v, k]));
}
