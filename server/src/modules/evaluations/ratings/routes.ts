import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { centerIdParam, counterIdParam } from '../../queue/contract.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { addByPhone, addOnPortal, findKioskVisit, findPhoneSubject, listPortalEvaluations, rateAtKiosk, rateByPhone, rateOnPortal } from './channels.ts';
import { inviteFromEvaluator, rateAtEvaluator } from './evaluator.ts';
import {
  additionInput,
  evaluatorInvitation,
  evaluatorInvitationInput,
  evaluatorRatingInput,
  evaluatorRatingResult,
  invitationRatingInput,
  invitationView,
  kioskRatingInput,
  kioskVisitQuery,
  phoneRatingInput,
  phoneSubject,
  phoneSubjectQuery,
  portalEvaluations,
  portalRatingInput,
  questionSets,
  ratingCreated,
  ratingSubject,
  tokenParam,
} from './contract.ts';
import { addByInvitation, getInvitationView, rateByInvitation } from './invitations.ts';
import { questionSetsForForms } from './questions.ts';
import { verifiedHash } from './tokens.ts';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';

function usccOf(request: FastifyRequest): string {
  const p = request.principal;
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p.uscc;
}

const additionCreated = z.object({ id: z.string(), ratingId: z.string(), createdAt: z.string(), until: z.string() });

/** Evaluations — ratings: every channel (the counter's evaluator, QR/H5 link, SMS link, portal, kiosk, phone entry), 追评, the rules. */
export const ratingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db, config } = deps;
  const tags = ['evaluations'];
  await app.register(settingsRoutes, deps);

  app.get(
    '/api/evaluations/question-sets',
    { config: { access: 'public' }, schema: { tags, summary: '评价问题与选项（随满意程度变化）', response: { 200: questionSets } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(questionSetsForForms()),
  );

  // The evaluator at a counter (its paths stay with the device's other ones under /api/queue/evaluator).
  app.post(
    '/api/queue/evaluator/:counterId/ratings',
    {
      config: { access: 'public', audit: 'rating.create' },
      schema: { tags, summary: '评价器提交评价（请求头 x-device-key 为评价器密钥）', params: counterIdParam, body: evaluatorRatingInput, response: { 201: evaluatorRatingResult } },
    },
    async (request, reply) => {
      const key = request.headers['x-device-key'];
      request.auditObject = { type: 'ticket', id: request.body.ticketId, detail: { level: request.body.level } };
      return reply.status(201).send(await rateAtEvaluator({ db, config }, request.params.counterId, typeof key === 'string' ? key : undefined, request.body));
    },
  );
  app.post(
    '/api/queue/evaluator/:counterId/invitation',
    {
      config: { access: 'public', audit: 'rating_invitation.create' },
      schema: {
        tags,
        summary: '评价器显示的手机评价二维码（一次有效；请求头 x-device-key 为评价器密钥）',
        params: counterIdParam,
        body: evaluatorInvitationInput,
        response: { 201: evaluatorInvitation },
      },
    },
    async (request, reply) => {
      const key = request.headers['x-device-key'];
      request.auditObject = { type: 'ticket', id: request.body.ticketId };
      return reply.status(201).send(await inviteFromEvaluator({ db, config }, request.params.counterId, typeof key === 'string' ? key : undefined, request.body.ticketId));
    },
  );

  // The QR/H5 and SMS link: public, the signed one-use token is the permission.
  app.get(
    '/api/evaluations/invitations/:token',
    { config: { access: 'public' }, schema: { tags, summary: '评价链接对应的服务（手机评价页）；已评价的服务附评价结果和能否追评', params: tokenParam, response: { 200: invitationView } } },
    (request) => getInvitationView(db, config, request.params.token),
  );
  app.get(
    '/api/evaluations/invitations/:token/qr.svg',
    { config: { access: 'public' }, schema: { tags, summary: '评价链接的二维码（评价器显示，手机扫码评价）', params: tokenParam } },
    async (request, reply) => {
      if (!verifiedHash(config.SESSION_SECRET, request.params.token)) throw new AppError('RATING_LINK_INVALID', '评价链接无效', [{ field: 'token', message: '链接无效' }]);
      const svg = await QRCode.toString(`${request.protocol}://${request.host}/rate/${request.params.token}`, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
    },
  );
  app.post(
    '/api/evaluations/invitations/:token/rating',
    {
      config: { access: 'public', audit: 'rating.create' },
      schema: { tags, summary: '通过评价链接评价（一次有效）', params: tokenParam, body: invitationRatingInput, response: { 201: ratingCreated } },
    },
    async (request, reply) => {
      const created = await rateByInvitation(db, config, request.params.token, request.body);
      request.auditObject = { type: 'rating', id: created.ratingId, detail: { channel: 'link', level: created.level } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/evaluations/invitations/:token/additions',
    {
      config: { access: 'public', audit: 'rating.add' },
      schema: { tags, summary: '通过评价链接追评已评价的服务（评价后规定期限内一次）', params: tokenParam, body: additionInput, response: { 201: additionCreated } },
    },
    async (request, reply) => {
      const added = await addByInvitation(db, config, request.params.token, request.body);
      request.auditObject = { type: 'rating', id: added.ratingId, detail: { channel: 'link' } };
      return reply.status(201).send(added);
    },
  );

  // The portal: the logged-in enterprise's own visits and applications.
  app.get(
    '/api/portal/evaluations',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业待评价的服务和已作出的评价', response: { 200: portalEvaluations } } },
    (request) => listPortalEvaluations(db, usccOf(request)),
  );
  app.post(
    '/api/portal/evaluations',
    { config: { access: 'enterprise', audit: 'rating.create' }, schema: { tags, summary: '评价本企业办结的服务或办件', body: portalRatingInput, response: { 201: ratingCreated } } },
    async (request, reply) => {
      const created = await rateOnPortal(db, config, usccOf(request), request.body);
      request.auditObject = { type: 'rating', id: created.ratingId, detail: { channel: 'portal', level: created.level, subject: request.body.subject } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/portal/evaluations/:id/additions',
    { config: { access: 'enterprise', audit: 'rating.add' }, schema: { tags, summary: '追评（评价后规定期限内一次）', params: idParam, body: additionInput, response: { 201: additionCreated } } },
    async (request, reply) => {
      request.auditObject = { type: 'rating', id: request.params.id };
      return reply.status(201).send(await addOnPortal(db, usccOf(request), request.params.id, request.body));
    },
  );

  // The kiosk in the hall: today's visit by number and receipt.
  app.get(
    '/api/evaluations/kiosk/:centerId/visit',
    { config: { access: 'public', rateLimit: rateLimit(RATE_LIMITS.kiosk) }, schema: { tags, summary: '自助机评价：按排队号和凭条查找今天办结的服务', params: centerIdParam, querystring: kioskVisitQuery, response: { 200: ratingSubject } } },
    (request) => findKioskVisit(db, request.params.centerId, request.query),
  );
  app.post(
    '/api/evaluations/kiosk/:centerId/ratings',
    { config: { access: 'public', audit: 'rating.create', rateLimit: rateLimit(RATE_LIMITS.kiosk) }, schema: { tags, summary: '在自助机评价今天办结的服务', params: centerIdParam, body: kioskRatingInput, response: { 201: ratingCreated } } },
    async (request, reply) => {
      const created = await rateAtKiosk(db, config, request.params.centerId, request.body);
      request.auditObject = { type: 'rating', id: created.ratingId, detail: { channel: 'kiosk', level: created.level } };
      return reply.status(201).send(created);
    },
  );

  // Staff entering a rating given by phone.
  app.get(
    '/api/evaluations/phone/subject',
    { config: { access: 'evaluation.enter' }, schema: { tags, summary: '电话评价：查找办件或排队号', querystring: phoneSubjectQuery, response: { 200: phoneSubject } } },
    (request) => findPhoneSubject(db, staffOf(request), request.query),
  );
  app.post(
    '/api/evaluations/phone/ratings',
    { config: { access: 'evaluation.enter', audit: 'rating.create' }, schema: { tags, summary: '录入电话评价', body: phoneRatingInput, response: { 201: ratingCreated } } },
    async (request, reply) => {
      const created = await rateByPhone(db, config, staffOf(request), request.body);
      request.auditObject = { type: 'rating', id: created.ratingId, detail: { channel: 'phone', level: created.level, subject: request.body.subject } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/evaluations/ratings/:id/additions',
    { config: { access: 'evaluation.enter', audit: 'rating.add' }, schema: { tags, summary: '录入电话追评', params: idParam, body: additionInput, response: { 201: additionCreated } } },
    async (request, reply) => {
      request.auditObject = { type: 'rating', id: request.params.id };
      return reply.status(201).send(await addByPhone(db, staffOf(request), request.params.id, request.body));
    },
  );
};
