import type { Db } from '../../platform/db/database.ts';
import { DEMO_ACCOUNT_ENTERPRISES, generateDemoData, seededRandom } from '../enterprises/demo-data.ts';
import { enterpriseIdsByUscc } from '../enterprises/registry/service.ts';
import { createLicenseType, issueLicensesInBulk, listLicenseTypes, type BulkLicense } from './service.ts';

/** License types of the demo library, with their usual issuer in 南海 and validity; 公共场所卫生许可证 is issued per site. */
export const DEMO_LICENSE_TYPES = [
  { code: 'business_license', name: '营业执照', defaultIssuer: '佛山市南海区市场监督管理局', validityYears: null, isPerSite: false },
  { code: 'food_business', name: '食品经营许可证', defaultIssuer: '佛山市南海区市场监督管理局', validityYears: 5, isPerSite: false },
  { code: 'public_health', name: '公共场所卫生许可证', defaultIssuer: '佛山市南海区卫生健康局', validityYears: 4, isPerSite: true },
  { code: 'pollutant_discharge', name: '排污许可证', defaultIssuer: '佛山市生态环境局南海分局', validityYears: 5, isPerSite: false },
  { code: 'industrial_product', name: '全国工业产品生产许可证', defaultIssuer: '广东省市场监督管理局', validityYears: 5, isPerSite: false },
  { code: 'road_transport', name: '道路运输经营许可证', defaultIssuer: '佛山市南海区交通运输局', validityYears: 4, isPerSite: false },
  { code: 'construction_qualification', name: '建筑业企业资质证书', defaultIssuer: '佛山市住房和城乡建设局', validityYears: 5, isPerSite: false },
  { code: 'human_resources_service', name: '人力资源服务许可证', defaultIssuer: '佛山市南海区人力资源和社会保障局', validityYears: 5, isPerSite: false },
] as const;

type TypeCode = (typeof DEMO_LICENSE_TYPES)[number]['code'];

/**
 * Plausible licenses for every demo enterprise: a business license each, and the permits
 * its industry needs (food, public health, discharge, production, transport, construction,
 * human resources). Some have expired (most of them renewed: the renewal replaced the old
 * license, 已被替换), a few were revoked. A holder holds one current license of a type, of
 * 公共场所卫生许可证 one per site (its registered address).
 */
export async function seedLicensesDemo(db: Db): Promise<void> {
  if ((await listLicenseTypes(db)).length > 0) return;
  for (const type of DEMO_LICENSE_TYPES) await createLicenseType(db, { ...type });
  const { enterprises } = generateDemoData();
  const ids = await enterpriseIdsByUscc(db, enterprises.map((e) => e.uscc));
  const random = seededRandom(6330);
  const rows: BulkLicense[] = [];
  let serial = 0;
  const add = (uscc: string, typeCode: TypeCode, validFrom: string, validTo: string | null, more: Pick<BulkLicense, 'revokedReason' | 'replaces' | 'site'> = {}) => {
    const number = numberOf(typeCode, ++serial);
    rows.push({ typeCode, enterpriseId: ids.get(uscc)!, number, validFrom, validTo, ...more });
    return number;
  };

  add(DEMO_ACCOUNT_ENTERPRISES.manufacturing, 'business_license', '2016-04-12', null);
  add(DEMO_ACCOUNT_ENTERPRISES.manufacturing, 'pollutant_discharge', '2023-03-01', '2028-02-29');
  add(DEMO_ACCOUNT_ENTERPRISES.manufacturing, 'industrial_product', '2024-05-20', '2029-05-19');
  add(DEMO_ACCOUNT_ENTERPRISES.catering, 'business_license', '2018-09-03', null);
  const first = add(DEMO_ACCOUNT_ENTERPRISES.catering, 'food_business', '2019-01-10', '2024-01-09');
  add(DEMO_ACCOUNT_ENTERPRISES.catering, 'food_business', '2024-01-10', '2029-01-09', { replaces: first });

  for (const e of enterprises.slice(2)) {
    add(e.uscc, 'business_license', e.registrationDate!, null);
    const code = e.industryCode;
    const permits: TypeCode[] = [];
    if (code.startsWith('H62') || ['F5212', 'F5213', 'F5223'].includes(code)) permits.push('food_business');
    if (code.startsWith('H61')) permits.push('public_health');
    if (code.startsWith('C') && random() < 0.3) permits.push('pollutant_discharge');
    if (code.startsWith('C') && random() < 0.15) permits.push('industrial_product');
    if (code.startsWith('G54')) permits.push('road_transport');
    if (code.startsWith('E')) permits.push('construction_qualification');
    if (code === 'L7261') permits.push('human_resources_service');
    for (const typeCode of permits) {
      const years = DEMO_LICENSE_TYPES.find((t) => t.code === typeCode)!.validityYears!;
      const earliest = Math.max(Number(e.registrationDate!.slice(0, 4)), 2020);
      const from = `${earliest + Math.floor(random() * (2026 - earliest))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
      const to = endOf(from, years);
      const revokedReason = random() < 0.01 ? '企业申请注销该许可' : undefined;
      const site = typeCode === 'public_health' ? e.registeredAddress : undefined;
      const number = add(e.uscc, typeCode, from, to, { revokedReason, site });
      // Most holders renewed a license that has run out; the renewal replaced it.
      if (!revokedReason && to < '2026-11-01' && random() < 0.7) add(e.uscc, typeCode, dayAfter(to), endOf(dayAfter(to), years), { replaces: number, site });
    }
  }
  await issueLicensesInBulk(db, rows.filter((r) => r.validFrom <= '2026-11-01'));
}

function numberOf(type: TypeCode, serial: number): string {
  const n = String(serial).padStart(7, '0');
  switch (type) {
    case 'business_license':
      return `440605${n}`;
    case 'food_business':
      return `JY1440605${n}`;
    case 'public_health':
      return `粤卫公证字（南海）第${n}号`;
    case 'pollutant_discharge':
      return `914406050${n}P`;
    case 'industrial_product':
      return `（粤）XK${n}`;
    case 'road_transport':
      return `粤交运管许可佛字440605${n}号`;
    case 'construction_qualification':
      return `D244${n}`;
    case 'human_resources_service':
      return `440605HR${n}`;
  }
}

function endOf(from: string, years: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
