import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';
import { kioskCenterParams, kioskCopyInput, kioskCopyParams, kioskCopyPdf, kioskGrantDto, kioskGrantInput, kioskRedeem } from './kiosk.ts';

/** The self-service kiosk prints copies of e-licenses after the holder's grant code (public, as the kiosk is; limited per client). */
export const kioskLicenseRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['license-grants'];
  const limit = rateLimit({ ...RATE_LIMITS.portalLookup, name: 'kiosk-license-copy' });
  app.post(
    '/api/self-service/centers/:centerId/license-grants/redeem',
    {
      config: { access: 'public', audit: 'license_grant.kiosk_redeem', keepFailures: true, rateLimit: limit },
      schema: { tags, summary: '自助终端：凭授权码和统一社会信用代码调取证照（打印复印件）', params: kioskCenterParams, body: kioskGrantInput, response: { 200: kioskGrantDto } },
    },
    async (request) => {
      request.auditObject = { type: 'license_grant', id: '', detail: { centerId: request.params.centerId } };
      const result = await kioskRedeem(db, request.params.centerId, request.ip, request.body);
      request.auditObject = { type: 'license_grant', id: result.grantId, detail: { centerId: request.params.centerId, uscc: request.body.uscc, licenseIds: result.licenses.map((l) => l.id) } };
      return result;
    },
  );
  app.post(
    '/api/self-service/license-grants/:grantId/licenses/:licenseId/pdf',
    { config: { access: 'public', audit: 'license_grant.kiosk_print', rateLimit: limit }, schema: { tags, summary: '自助终端：打印证照复印件（PDF）', params: kioskCopyParams, body: kioskCopyInput } },
    async (request, reply) => {
      request.auditObject = { type: 'license_grant', id: request.params.grantId, detail: { licenseId: request.params.licenseId } };
      const pdf = await kioskCopyPdf(db, request.params.grantId, request.params.licenseId, request.body.uscc);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="license-copy.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(pdf.content);
    },
  );
};
