import { defineConfig } from 'drizzle-kit';

/**
 * The tables of every module, listed one by one: a module's tables join the list when its
 * migration is generated (`npx drizzle-kit generate --name <module>`), so that a module still
 * being designed never slips into another module's migration.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/src/platform/auth/tables.ts',
    './server/src/platform/audit/tables.ts',
    './server/src/platform/calendar/tables.ts',
    './server/src/platform/outbox/tables.ts',
    './server/src/platform/files/tables.ts',
    './server/src/platform/notifications/tables.ts',
    './server/src/platform/jobs/tables.ts',
    './server/src/modules/venue/tables.ts',
    './server/src/modules/staff/tables.ts',
    './server/src/modules/catalog/tables.ts',
    './server/src/modules/enterprises/tables.ts',
    './server/src/modules/licenses/tables.ts',
    './server/src/modules/queue/tables.ts',
    './server/src/modules/evaluations/tables.ts',
    './server/src/modules/applications/tables.ts',
    './server/src/modules/appointments/tables.ts',
    './server/src/modules/feedback/tables.ts',
    './server/src/modules/policies/tables.ts',
    './server/src/modules/venue/facilities/tables.ts',
    './server/src/modules/staff/training/tables.ts',
    './server/src/modules/briefings/tables.ts',
    './server/src/modules/talent/tables.ts',
    './server/src/modules/assistance/tables.ts',
    './server/src/modules/agency/tables.ts',
    './server/src/modules/applications/delivery/lockers/tables.ts',
    './server/src/modules/scenarios/tables.ts',
    './server/src/modules/applications/intake/online/tables.ts',
    './server/src/modules/applications/time-limits/tables.ts',
    './server/src/modules/venue/points/tables.ts',
    './server/src/modules/applications/cross-region/tables.ts',
    './server/src/platform/rollups/tables.ts',
    './server/src/modules/queue/figures/tables.ts',
    './server/src/modules/evaluations/figures/tables.ts',
  ],
  out: './server/migrations',
});
