import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { newLinkToken } from '../../../platform/links/signed-token.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { contactPhonesOf, enterpriseIdsByUscc, enterprisesByIds, personalDataKeys, searchEnterprises } from '../../enterprises/service.ts';
import { getCenter } from '../../venue/service.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import { MAX_RECIPIENTS_PER_SENDING, type SendingInput, type SendingResult } from './contract.ts';
import * as repo from './repository.ts';
import { linksExpireAt, surveyFor } from './service.ts';
import { requireSurveyTransition, type SurveyState } from './workflow.ts';

/** The purpose a survey link's token is signed for (platform/links). */
export const SURVEY_LINK_PURPOSE = 'survey';

/** Where a survey link opens: the portal's answer page. */
export const surveyLinkPath = (token: string) => `/portal/surveys/${token}`;

/**
 * Sends an open survey to enterprises chosen by credit code or by a filter over the registry
 * (industry, size, town — through the enterprises module's service): each gets its own signed
 * one-use link by SMS through the outbox, in the transaction that records it. An enterprise sent
 * the survey before is not sent it again; one without a contact phone is reported, not recorded.
 */
export async function sendSurvey(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: SendingInput, now = new Date()): Promise<SendingResult> {
  return (await inviteEnterprises(deps, principal, id, input, now)).result;
}

/** `sendSurvey` with the links made (the demo answers through them; the API never shows them). */
export async function inviteEnterprises(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: SendingInput, now = new Date()) {
  const survey = await surveyFor(deps.db, principal, id);
  requireSurveyTransition(survey.state as SurveyState, 'send');
  const enterpriseIds = input.usccs ? await byCreditCodes(deps.db, input.usccs) : await byFilter(deps.db, input.filter!);
  const [names, phones, center] = await Promise.all([
    enterprisesByIds(deps.db, enterpriseIds),
    contactPhonesOf(deps.db, personalDataKeys(deps.config), enterpriseIds),
    getCenter(deps.db, survey.centerId),
  ]);
  const links: { enterpriseId: string; token: string }[] = [];
  const result = await deps.db.transaction(async (tx) => {
    const row = await surveyFor(tx, principal, id, 'share');
    requireSurveyTransition(row.state as SurveyState, 'send');
    if (!row.closesOn || row.closesOn < businessToday(now)) throw new AppError('SURVEY_CLOSED', '问卷已过截止日期，不能再发送', [{ field: 'closesOn', message: '已过截止日期' }]);
    const already = await repo.invitedEnterprises(tx, row.id, enterpriseIds);
    const unreachable = enterpriseIds.filter((e) => !already.has(e) && !phones.has(e));
    const expiresAt = linksExpireAt(row.closesOn);
    const made = enterpriseIds
      .filter((e) => !already.has(e) && phones.has(e))
      .map((enterpriseId) => ({ enterpriseId, ...newLinkToken(deps.config.SESSION_SECRET, SURVEY_LINK_PURPOSE) }));
    const inserted = await repo.insertRecipients(
      tx,
      made.map((m) => ({ surveyId: row.id, enterpriseId: m.enterpriseId, uscc: names.get(m.enterpriseId)!.uscc, enterpriseName: names.get(m.enterpriseId)!.name, tokenHash: m.hash, invitedAt: now, expiresAt })),
    );
    const tokens = new Map(made.map((m) => [m.enterpriseId, m.token]));
    const until = new Date(expiresAt.getTime() - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });
    for (const r of inserted) {
      const token = tokens.get(r.enterpriseId)!;
      await queueSms(tx, deps.config, {
        phone: phones.get(r.enterpriseId)!,
        template: 'survey_invitation',
        params: { center: center.name, enterprise: r.enterpriseName, title: row.title, until, link: `${deps.config.PUBLIC_URL.replace(/\/$/, '')}${surveyLinkPath(token)}` },
        related: { type: 'survey_recipient', id: r.id },
        centerId: row.centerId,
        dedupeKey: `survey:${row.id}:${r.enterpriseId}`,
      });
      links.push({ enterpriseId: r.enterpriseId, token });
    }
    return {
      invited: inserted.length,
      alreadyInvited: enterpriseIds.length - unreachable.length - inserted.length,
      unreachable: unreachable.map((e) => ({ uscc: names.get(e)!.uscc, name: names.get(e)!.name })),
    };
  });
  return { result, links };
}

async function byCreditCodes(db: Db, usccs: string[]): Promise<string[]> {
  const unique = [...new Set(usccs)];
  const ids = await enterpriseIdsByUscc(db, unique);
  const unknown = unique.filter((u) => !ids.has(u));
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 5).join('、') + (unknown.length > 5 ? ` 等 ${unknown.length} 个` : '');
    throw new AppError(
      'ENTERPRISE_NOT_REGISTERED',
      `统一社会信用代码 ${listed}尚未在企业库登记`,
      unknown.map((u) => ({ field: `usccs.${usccs.indexOf(u)}`, message: `${u} 尚未在企业库登记` })),
    );
  }
  return unique.map((u) => ids.get(u)!);
}

async function byFilter(db: Db, filter: NonNullable<SendingInput['filter']>): Promise<string[]> {
  const pageSize = 200;
  const first = await searchEnterprises(db, { ...filter, page: 1, pageSize });
  if (first.total === 0) throw new AppError('NO_RECIPIENTS', '没有符合筛选条件的企业', [{ field: 'filter', message: '没有符合条件的企业' }]);
  if (first.total > MAX_RECIPIENTS_PER_SENDING) {
    const message = `符合条件的企业有 ${first.total} 家，一次最多发送 ${MAX_RECIPIENTS_PER_SENDING} 家，请缩小筛选范围`;
    throw new AppError('TOO_MANY_RECIPIENTS', message, [{ field: 'filter', message }]);
  }
  const ids = first.items.map((e) => e.id);
  for (let page = 2; ids.length < first.total; page++) {
    const next = await searchEnterprises(db, { ...filter, page, pageSize });
    if (next.items.length === 0) break;
    ids.push(...next.items.map((e) => e.id));
  }
  return [...new Set(ids)];
}
