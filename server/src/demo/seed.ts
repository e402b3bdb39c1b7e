import pino from 'pino';
import type { Config } from '../config.ts';
import { registerEventConsumers } from '../events.ts';
import type { Db } from '../platform/db/database.ts';
import { APPLICATION_FINISHED, RATING_RECORDED, VISIT_FINISHED } from '../platform/events/domain.ts';
import { dispatchOutbox } from '../platform/outbox/service.ts';
import { createEnterpriseAccount, setDemoEnterprisesActive } from '../platform/auth/service.ts';
import * as venue from '../modules/venue/service.ts';
import * as staff from '../modules/staff/service.ts';
import { seedCatalogDemo } from '../modules/catalog/demo.ts';
import { seedEnterprisesDemo } from '../modules/enterprises/demo.ts';
import { seedLicensesDemo } from '../modules/licenses/demo.ts';
import { seedQueueDemo } from '../modules/queue/demo.ts';
import { seedApplicationsDemo } from '../modules/applications/demo.ts';
import { seedLockersDemo } from '../modules/applications/delivery/lockers/demo.ts';
import { seedAppointmentsDemo } from '../modules/appointments/demo.ts';
import { seedEvaluationsDemo } from '../modules/evaluations/demo.ts';
import { seedFeedbackDemo } from '../modules/feedback/demo.ts';
import { seedPoliciesDemo } from '../modules/policies/demo.ts';
import { seedFacilitiesDemo } from '../modules/venue/facilities/demo.ts';
import { seedTrainingDemo } from '../modules/staff/training/demo.ts';
import { seedBriefingsDemo } from '../modules/briefings/demo.ts';
import { seedTalentDemo } from '../modules/talent/demo.ts';
import { seedAssistanceDemo } from '../modules/assistance/demo.ts';
import { seedAgencyDemo } from '../modules/agency/demo.ts';
import { seedScenariosDemo } from '../modules/scenarios/demo.ts';
import { seedOnlineApplyingDemo } from '../modules/applications/intake/online/demo.ts';
import { seedTimeLimitsDemo } from '../modules/applications/time-limits/demo.ts';
import { seedServicePointsDemo } from '../modules/venue/points/demo.ts';
import { seedCrossRegionDemo } from '../modules/applications/cross-region/demo.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_CENTER,
  DEMO_COUNTERS,
  DEMO_DEPARTMENTS,
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_SERVICE_POINTS,
  DEMO_ZONES,
} from './data.ts';

/** True when the database holds no organisation yet: the first start. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await venue.listCenters(db)).length === 0 && (await staff.listStaff(db, {})).length === 0;
}

/** Loads the demo center through the same services the product uses. Does nothing when it is already there. */
export async function seedDemo(db: Db, config: Config): Promise<{ seeded: boolean }> {
  registerEventConsumers();
  if ((await venue.listCenters(db)).some((c) => c.name === DEMO_CENTER.name)) return { seeded: false };
  const knownRegions = new Set((await venue.listRegions(db)).map((r) => r.code));
  for (const region of DEMO_REGIONS) if (!knownRegions.has(region.code)) await venue.createRegion(db, region);

  const center = await venue.createCenter(db, DEMO_CENTER);
  const centerIds = new Map([[center.name, center.id]]);
  for (const point of DEMO_SERVICE_POINTS) {
    const created = await venue.createCenter(db, {
      name: point.name,
      level: point.level,
      regionCode: DEMO_CENTER.regionCode,
      parentId: centerIds.get(point.parent)!,
      address: `${point.name}（演示地址）`,
      phone: '12345',
      openingHours: DEMO_CENTER.openingHours,
    });
    centerIds.set(created.name, created.id);
  }

  const zoneIds = new Map<string, string>();
  for (const zone of DEMO_ZONES) zoneIds.set(zone.name, (await venue.createZone(db, center.id, zone)).id);

  const departmentIds = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS) {
    departmentIds.set(d.name, (await staff.createDepartment(db, center.id, { ...d, phone: '12345' })).id);
  }

  const counterIds = new Map<string, string>();
  for (const c of DEMO_COUNTERS) {
    const created = await venue.createCounter(db, center.id, {
      number: c.number,
      name: c.name,
      purpose: c.purpose,
      zoneId: zoneIds.get(c.zone)!,
      departmentId: c.department ? departmentIds.get(c.department)! : null,
    }, staff.departmentCenterOf);
    counterIds.set(c.number, created.id);
  }

  for (const account of DEMO_ACCOUNTS) {
    const created = await staff.createStaff(
      db,
      {
        username: account.username,
        displayName: account.displayName,
        staffNumber: account.staffNumber,
        password: DEMO_PASSWORD,
        roles: account.roles,
        centerId: center.id,
        departmentId: account.department ? departmentIds.get(account.department)! : null,
        counterId: account.counter ? counterIds.get(account.counter)! : null,
      },
      { isDemo: true, mustChangePassword: false },
    );
    if (account.roles.includes('chief_officer') && account.department) {
      const department = await staff.getDepartment(db, departmentIds.get(account.department)!);
      await staff.updateDepartment(db, department.id, { version: department.version, chiefOfficerId: created.id });
    }
  }

  await seedCatalogDemo(db, center.id);
  await seedEnterprisesDemo(db, config);
  await seedLicensesDemo(db);
  const usccs = DEMO_ENTERPRISES.map((e) => e.uscc);
  await seedQueueDemo(db, center.id, { usccs, password: DEMO_PASSWORD });
  await seedAppointmentsDemo(db, config, center.id, usccs);
  await seedApplicationsDemo(db, center.id);
  await seedLockersDemo(db, config, center.id);
  // The visits and applications finished above become rateable as in a running server, here at once.
  await deliverDomainEvents(db, config);
  await seedEvaluationsDemo(db, config, center.id, DEMO_ENTERPRISES);
  await seedFeedbackDemo(db, config, center.id, DEMO_ENTERPRISES);
  await seedPoliciesDemo(db, config, center.id);
  await seedFacilitiesDemo(db, center.id);
  await seedBriefingsDemo(db, config, center.id, DEMO_ENTERPRISES);
  await seedTalentDemo(db, config, center.id);
  await seedAssistanceDemo(db, center.id, DEMO_ENTERPRISES);
  await seedAgencyDemo(db, config, center.id, DEMO_ENTERPRISES);
  await seedScenariosDemo(db, center.id, DEMO_ENTERPRISES);
  await seedOnlineApplyingDemo(db, config, center.id);
  await seedServicePointsDemo(db, config, center.id, usccs, DEMO_PASSWORD);
  await seedCrossRegionDemo(db, config, center.id, DEMO_PASSWORD);
  // the online policy applications the policies demo finished, likewise
  await deliverDomainEvents(db, config);
  await seedTrainingDemo(db, center.id, DEMO_PASSWORD);
  await seedTimeLimitsDemo(db, config, center.id);
  for (const e of DEMO_ENTERPRISES) await createEnterpriseAccount(db, { ...e, password: DEMO_PASSWORD, isDemo: true });
  return { seeded: true };
}

/** Carries out the domain events waiting in the outbox (SMS stay queued for the server's transport). */
export async function deliverDomainEvents(db: Db, config: Config): Promise<void> {
  const context = { config, log: pino({ level: 'silent' }) };
  const topics = [VISIT_FINISHED, APPLICATION_FINISHED, RATING_RECORDED];
  while ((await dispatchOutbox(db, context, { topics, batch: 5000, claim: 500 })) > 0);
}

/** Demo accounts can log in only while demo mode is on. */
export async function setDemoAccountsActive(db: Db, isActive: boolean): Promise<void> {
  await staff.setDemoStaffActive(db, isActive);
  await setDemoEnterprisesActive(db, isActive);
}
