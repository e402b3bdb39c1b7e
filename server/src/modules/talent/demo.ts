import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderNotice } from '../../platform/pdf/notice.ts';
import type { Config } from '../../config.ts';
import { listDepartments, listStaff } from '../staff/service.ts';
import { residentIdCheckCharacter } from '../enterprises/people/resident-id.ts';
import type { RequestKind, TalentCategory } from './contract.ts';
import { openRequest, takeStep } from './ledger.ts';
import { createProfile, storeDocument, verifyProfile } from './profiles.ts';
import type { StepAction } from './workflow.ts';

/**
 * The demo's talent service (6.2.3): talents of every category with their certifying documents
 * (one not yet verified), and ledger entries in every state — submitted, accepted, coordinating
 * (one overdue), done in time and late, declined — recorded by the demo talent officer 郑伟明.
 */

type DemoTalent = { name: string; id17: string; uscc: string; category: TalentCategory; title: string; verified: boolean };
type DemoRequest = { talent: number; kind: RequestKind; summary: string; daysAgo: number; steps: { do: StepAction; after: number; note: string; hrss?: boolean }[] };

const TALENTS: DemoTalent[] = [
  { name: '欧阳振华', id17: '44060519760315281', uscc: '91440605MA4W3K7P3K', category: 'high_level_a', title: '佛山市高层次人才认定证书（A 类）', verified: true },
  { name: '苏婉清', id17: '44060519820521462', uscc: '91440605MA4W3K7P3K', category: 'high_level_b', title: '佛山市高层次人才认定证书（B 类）', verified: true },
  { name: '黎家豪', id17: '44060519880907153', uscc: '91440605MA51XQ2D77', category: 'high_level_c', title: '佛山市高层次人才认定证书（C 类）', verified: true },
  { name: '冯晓敏', id17: '44060519911130264', uscc: '91440605MA4W3K7P3K', category: 'urgent_shortage', title: '南海区急需紧缺人才认定证明', verified: true },
  { name: '陈国栋', id17: '44060519850614375', uscc: '91440605MA51XQ2D77', category: 'skilled', title: '高级技师职业资格证书', verified: true },
  { name: '邓雨桐', id17: '44060519990218486', uscc: '91440605MA4W3K7P3K', category: 'graduate', title: '全日制硕士研究生学历学位证书', verified: false },
];

const REQUESTS: DemoRequest[] = [
  { talent: 0, kind: 'housing_subsidy', summary: '申请高层次人才购房补贴', daysAgo: 40, steps: [{ do: 'accept', after: 1, note: '材料齐全，予以受理' }, { do: 'coordinate', after: 2, note: '转人社局审核', hrss: true }, { do: 'complete', after: 12, note: '补贴已核定并发放' }] },
  { talent: 1, kind: 'schooling', summary: '子女申请入读区属公办小学一年级', daysAgo: 30, steps: [{ do: 'accept', after: 0, note: '已受理' }, { do: 'coordinate', after: 1, note: '协调教育部门安排学位', hrss: true }, { do: 'complete', after: 22, note: '已安排学位' }] },
  { talent: 2, kind: 'household_registration', summary: '本人及配偶人才引进入户', daysAgo: 6, steps: [{ do: 'accept', after: 0, note: '已受理，待核对落户地址' }] },
  { talent: 3, kind: 'housing_subsidy', summary: '申请急需紧缺人才租房补贴', daysAgo: 35, steps: [{ do: 'accept', after: 1, note: '已受理' }, { do: 'coordinate', after: 2, note: '转人社局核对社保缴纳记录', hrss: true }, { do: 'note', after: 10, note: '人社局反馈需补充租赁备案证明，已电话告知' }] },
  { talent: 4, kind: 'spouse_employment', summary: '配偶随迁就业推荐', daysAgo: 8, steps: [{ do: 'accept', after: 0, note: '已受理' }, { do: 'coordinate', after: 1, note: '推荐至人社局就业服务窗口', hrss: true }] },
  { talent: 4, kind: 'schooling', summary: '子女申请转入公办初中', daysAgo: 20, steps: [{ do: 'decline', after: 2, note: '所申请学校学位已满，已告知可申请的其他学校' }] },
  { talent: 1, kind: 'medical_care', summary: '办理高层次人才医疗保健绿色通道', daysAgo: 1, steps: [] },
];

export async function seedTalentDemo(db: Db, config: Config, centerId: string): Promise<void> {
  const staff = (await listStaff(db, { centerId })).find((s) => s.username === 'talent');
  if (!staff) return;
  const officer: StaffPrincipal = {
    type: 'staff', id: staff.id, username: staff.username, displayName: staff.displayName, roles: staff.roles, permissions: new Set(permissionsOf(staff.roles)),
    centerId, centerScope: [centerId], departmentId: staff.departmentId, mustChangePassword: false,
  };
  const deps = { db, config };
  const hrss = (await listDepartments(db, centerId)).find((d) => d.name === '人力资源和社会保障局')?.id ?? null;
  const calendar = await loadCalendar(db);
  const today = businessToday();
  /** the working day `n` working days before today, at 10:00 Beijing time */
  const day = (n: number) => {
    let d = today;
    for (let i = 0; i < n; ) {
      d = addDays(d, -1);
      if (calendar.isWorkingDay(d)) i++;
    }
    return d;
  };
  const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

  const profiles = [];
  for (const [i, p] of TALENTS.entries()) {
    const issued = day(120 + i * 15);
    const content = await renderNotice({
      title: p.title,
      issuer: '佛山市南海区人才工作领导小组办公室（演示）',
      isDemo: true,
      blocks: [{ kind: 'fields', rows: [['姓名', p.name], ['人才类别', p.title], ['有效期', `${issued} 至 ${addDays(issued, 1095)}`]] }],
      signature: { organ: '佛山市南海区人才工作领导小组办公室', date: issued },
    });
    const file = await storeDocument(db, officer, { filename: `${p.title}（${p.name}）.pdf`, content });
    const created = await createProfile(
      deps,
      officer,
      { person: { name: p.name, idNumber: p.id17 + residentIdCheckCharacter(p.id17), phone: null }, uscc: p.uscc, employerName: '', category: p.category, documentTitle: p.title, documentFileId: file.id, validFrom: issued, validUntil: addDays(issued, 1095) },
      at(issued),
    );
    profiles.push(p.verified ? await verifyProfile(deps, officer, created.id, created.version, at(addDays(issued, 1))) : created);
  }

  for (const r of REQUESTS) {
    const opened = day(r.daysAgo);
    let request = await openRequest(deps, officer, { profileId: profiles[r.talent]!.id, kind: r.kind, summary: r.summary }, at(opened));
    let when = opened;
    for (const s of r.steps) {
      when = calendar.addWorkingDays(when, s.after);
      request = await takeStep(deps, officer, request.id, { action: s.do, note: s.note, departmentId: s.hrss ? hrss : null, version: request.version }, at(when));
    }
  }
}
