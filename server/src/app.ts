import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import type { ModuleDeps } from './platform/http/module-deps.ts';
import { EventHub } from './platform/events/bus.ts';
import './platform/http/types.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './platform/http/error-handler.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { registerNoStore } from './platform/http/no-store.ts';
import { registerSameOrigin } from './platform/http/same-origin.ts';
import { registerRateLimits } from './platform/http/rate-limit.ts';
import { registerAccessControl } from './platform/auth/plugin.ts';
import { provideStaffAccounts } from './platform/auth/staff-accounts.ts';
import { registerAuditTrail } from './platform/audit/plugin.ts';
import { createAct } from './platform/unit-of-work/act.ts';
import { unitScopedDb } from './platform/unit-of-work/scope.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import { healthRoutes } from './platform/health/routes.ts';
import { jobRoutes } from './platform/jobs/routes.ts';
import { demoRoutes } from './demo/routes.ts';
import { venueRoutes } from './modules/venue/routes.ts';
import { facilityRoutes } from './modules/venue/facilities/routes.ts';
import { staffRoutes } from './modules/staff/routes.ts';
import { staffAccountsForAuth } from './modules/staff/accounts.ts';
import { departmentCenterOf } from './modules/staff/service.ts';
import { notificationRoutes } from './platform/notifications/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { enterpriseRoutes } from './modules/enterprises/routes.ts';
import { licenseRoutes } from './modules/licenses/routes.ts';
import { queueRoutes } from './modules/queue/routes.ts';
import { appointmentRoutes } from './modules/appointments/routes.ts';
import { applicationRoutes } from './modules/applications/routes.ts';
import { lockerRoutes } from './modules/applications/delivery/lockers/routes.ts';
import { selfServiceRoutes } from './modules/applications/self-service/routes.ts';
import { evaluationRoutes } from './modules/evaluations/routes.ts';
import { maskingStream } from './platform/personal-data/log-masking.ts';
import { registerEventConsumers } from './events.ts';
import { feedbackRoutes } from './modules/feedback/routes.ts';
import { policyRoutes } from './modules/policies/routes.ts';
import { trainingRoutes } from './modules/staff/training/routes.ts';
import { briefingRoutes } from './modules/briefings/routes.ts';
import { talentRoutes } from './modules/talent/routes.ts';
import { assistanceRoutes } from './modules/assistance/routes.ts';
import { agencyRoutes } from './modules/agency/routes.ts';
import { disclosureRoutes } from './modules/disclosure/routes.ts';
import { scenarioRoutes } from './modules/scenarios/routes.ts';
import { timeLimitRoutes } from './modules/applications/time-limits/routes.ts';
import { servicePointRoutes } from './modules/venue/points/routes.ts';
import { crossRegionRoutes } from './modules/applications/cross-region/routes.ts';
import { startCaches } from './platform/cache/cache.ts';
import { commandCenterRoutes } from './modules/command-center/routes.ts';

z.config(z.locales.zhCN());

export type AppDeps = { config: Config; database: Database; logger?: boolean | object; webDist?: string | null };


/**
 * A hop count trusts the nearest N addresses whoever they are (Fastify's own number refuses
 * all): only for a server that can be reached through its proxies alone.
 */
function trustProxyOf(setting: Config['TRUST_PROXY']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** Builds the whole HTTP application: external plugins, platform hooks, then each module's routes. */
export async function buildApp({ config, database, logger, webDist }: AppDeps): Promise<FastifyInstance> {
  registerEventConsumers();
  const isLoggerInstance = typeof logger === 'object' && typeof (logger as { child?: unknown }).child === 'function';
  const app = Fastify({
    ...(isLoggerInstance ? { loggerInstance: logger as FastifyBaseLogger } : { logger: logger ?? { level: config.LOG_LEVEL, stream: maskingStream() } }),
    // The server's own unique id; a client's x-request-id is only kept beside it (correlationId).
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default).
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
    // A client that does not finish sending its headers or its body in time is cut off.
    requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
    http: {
      headersTimeout: Math.min(config.HEADERS_TIMEOUT_SECONDS, config.REQUEST_TIMEOUT_SECONDS) * 1000,
      connectionsCheckingInterval: 1_000,
    } satisfies http.ServerOptions,
  } as FastifyHttpOptions<http.Server>);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only (multipart is added where uploads are).
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const given = request.headers['x-request-id'];
    if (typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given)) {
      request.correlationId = given;
      request.log = reply.log = request.log.child({ correlationId: given });
    }
  });

  // External plugins
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // centers often serve kiosks and displays over plain HTTP on their own network
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie, { secret: config.SESSION_SECRET });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 50 } });

  // Platform: errors, who is asking and may they, what they changed
  provideStaffAccounts(staffAccountsForAuth);
  // what nearly every request reads, kept in memory and emptied by NOTIFY (platform/cache)
  const stopCaches = await startCaches(database);
  app.addHook('onClose', stopCaches);
  const auditKey = Buffer.from(config.AUDIT_KEY, 'hex');
  const deps: ModuleDeps = {
    // the pool, or the transaction of the request's unit of work (platform/unit-of-work)
    db: unitScopedDb(database.db),
    act: createAct(database.db, auditKey, app.log),
    config,
    database,
    events: new EventHub(database, { perAddress: config.EVENT_STREAMS_PER_ADDRESS, anonymous: config.EVENT_STREAMS_ANONYMOUS, signedIn: config.EVENT_STREAMS_SIGNED_IN }),
  };
  const indexHtml = webDist ? fs.readFileSync(path.join(webDist, 'index.html'), 'utf8') : null;
  registerErrorHandler(app, { indexHtml });
  registerInputGuard(app);
  registerSameOrigin(app, config);
  registerNoStore(app);
  registerAccessControl(app, deps);
  registerAuditTrail(app, { pool: database.db, auditKey });
  // The counts of the rate limits are kept on the pool, outside any unit of work: a refused
  // request must not roll its own count back.
  await registerRateLimits(app, database.db);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Banshi API', description: '企业政务服务平台接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'banshi_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Routes
  await app.register(healthRoutes, { database });
  await app.register(authRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(jobRoutes, deps);
  await app.register(demoRoutes, deps);
  await app.register(venueRoutes, { ...deps, departmentCenterOf });
  await app.register(staffRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(catalogRoutes, deps);
  await app.register(enterpriseRoutes, deps);
  await app.register(licenseRoutes, deps);
  await app.register(queueRoutes, deps);
  await app.register(appointmentRoutes, deps);
  await app.register(applicationRoutes, deps);
  await app.register(lockerRoutes, deps);
  await app.register(selfServiceRoutes, deps);
  await app.register(evaluationRoutes, deps);
  await app.register(feedbackRoutes, deps);
  await app.register(policyRoutes, deps);
  await app.register(facilityRoutes, deps);
  await app.register(trainingRoutes, deps);
  await app.register(briefingRoutes, deps);
  await app.register(talentRoutes, deps);
  await app.register(assistanceRoutes, deps);
  await app.register(agencyRoutes, deps);
  await app.register(disclosureRoutes, deps);
  await app.register(scenarioRoutes, deps);
  await app.register(timeLimitRoutes, deps);
  await app.register(servicePointRoutes, deps);
  await app.register(crossRegionRoutes, deps);
  await app.register(commandCenterRoutes, deps);

  // The built web app: assets as files; other paths fall through to index.html (client-side routes).
  // Hashed assets never change under their name: cached for a year; the build ships them brotli/gzip-compressed.
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.header('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
