import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import { percent, summarizeResults } from './answers.ts';
import type { QuestionDto, SurveyDetail, SurveyInput, SurveyResults, SurveySummary } from './contract.ts';
import * as repo from './repository.ts';
import { availableSurveyActions, requireSurveyTransition, type SurveyState } from './workflow.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/**
 * 企业满意度调查 (9.1.1), the staff's side: questionnaires written as drafts, published with a
 * closing date, closed; the list with response rates; the results per question. Sending is in
 * sending.ts, the public answer page in public.ts.
 */

export async function createSurvey(deps: ServiceDeps, principal: StaffPrincipal, input: SurveyInput, now = new Date()): Promise<SurveyDetail> {
  const centerId = principal.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.insertSurvey(tx, { centerId, title: input.title, intro: input.intro, closesOn: input.closesOn, createdBy: principal.id, createdAt: now });
    await repo.replaceQuestions(tx, row.id, questionRows(input.questions));
    return row.id;
  });
  return getSurvey(deps, principal, id);
}

/** The draft's title, introduction, closing date and questions, all at once. */
export async function updateSurvey(deps: ServiceDeps, principal: StaffPrincipal, id: string, input: SurveyInput & { version: number }): Promise<SurveyDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await surveyFor(tx, principal, id, 'update');
    requireSurveyTransition(row.state as SurveyState, 'edit');
    if (row.version !== input.version) throw stale();
    await repo.updateSurvey(tx, row.id, { title: input.title, intro: input.intro, closesOn: input.closesOn });
    await repo.replaceQuestions(tx, row.id, questionRows(input.questions));
  });
  return getSurvey(deps, principal, id);
}

/** 发布: the questions freeze; a closing date not before today is needed (the links expire at its end). */
export async function openSurvey(deps: ServiceDeps, principal: StaffPrincipal, id: string, version: number, now = new Date()): Promise<SurveyDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await surveyFor(tx, principal, id, 'update');
    const to = requireSurveyTransition(row.state as SurveyState, 'open');
    if (row.version !== version) throw stale();
    if (!row.closesOn || row.closesOn < businessToday(now)) throw invalidField('closesOn', '发布前请设置不早于今天的截止日期');
    await repo.updateSurvey(tx, row.id, { state: to, openedAt: now });
  });
  return getSurvey(deps, principal, id);
}

/** 结束: the links stop taking answers; the results stay. */
export async function closeSurvey(deps: ServiceDeps, principal: StaffPrincipal, id: string, version: number, now = new Date()): Promise<SurveyDetail> {
  await deps.db.transaction(async (tx) => {
    const row = await surveyFor(tx, principal, id, 'update');
    const to = requireSurveyTransition(row.state as SurveyState, 'close');
    if (row.version !== version) throw stale();
    await repo.updateSurvey(tx, row.id, { state: to, closedAt: now });
  });
  return getSurvey(deps, principal, id);
}

export async function listSurveys(deps: ServiceDeps, principal: StaffPrincipal, q: { state?: SurveyState }): Promise<SurveySummary[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listSurveys(deps.db, { centerId: principal.centerId, state: q.state });
  return summaries(deps, principal.centerId, rows);
}

export async function getSurvey(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<SurveyDetail> {
  const row = await surveyFor(deps.db, principal, id);
  const [summary] = await summaries(deps, row.centerId, [row]);
  return { ...summary!, intro: row.intro, questions: questionDtos(await repo.listQuestions(deps.db, row.id)), actions: availableSurveyActions(row.state as SurveyState) };
}

/** The results: per question counts and shares, mean and distribution, the texts; answered / sent. */
export async function getSurveyResults(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<SurveyResults> {
  const row = await surveyFor(deps.db, principal, id);
  const [questions, responses, counts] = await Promise.all([repo.listQuestions(deps.db, row.id), repo.listResponses(deps.db, row.id), repo.countRecipients(deps.db, [row.id])]);
  const summary = summarizeResults(questionDtos(questions), responses, counts.get(row.id)?.sent ?? 0);
  return { id: row.id, title: row.title, state: row.state as SurveyState, ...summary };
}

export async function listSurveyRecipients(deps: ServiceDeps, principal: StaffPrincipal, id: string) {
  const row = await surveyFor(deps.db, principal, id);
  return (await repo.listRecipients(deps.db, row.id)).map((r) => ({
    id: r.id,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    invitedAt: r.invitedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
}

/** A survey of the staff member's center; 404 for another center's (its existence is not revealed). */
export async function surveyFor(db: DbOrTx, principal: StaffPrincipal, id: string, lock?: 'update' | 'share'): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(db, id, { lock });
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('问卷');
  return row;
}

/** The moment a survey's links stop taking answers: the end of its closing day in Asia/Shanghai. */
export function linksExpireAt(closesOn: string): Date {
  return new Date(`${addDays(closesOn, 1)}T00:00:00+08:00`);
}

export function questionDtos(rows: repo.QuestionRow[]): QuestionDto[] {
  return rows.map((q) => ({ id: q.id, position: q.position, kind: q.kind as QuestionDto['kind'], prompt: q.prompt, isRequired: q.isRequired, options: q.options }));
}

export const stale = () => new AppError('STALE_VERSION', '该问卷已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

function questionRows(questions: SurveyInput['questions']) {
  return questions.map((q, i) => ({ position: i + 1, kind: q.kind, prompt: q.prompt, isRequired: q.isRequired, options: q.kind === 'single' || q.kind === 'multiple' ? q.options : [] }));
}

async function summaries(deps: { db: Db }, centerId: string, rows: repo.SurveyRow[]): Promise<SurveySummary[]> {
  const ids = rows.map((r) => r.id);
  const [dir, questionCounts, recipientCounts] = await Promise.all([directoryOf(deps.db, centerId), repo.countQuestions(deps.db, ids), repo.countRecipients(deps.db, ids)]);
  const today = businessToday();
  return rows.map((r) => {
    const counts = recipientCounts.get(r.id) ?? { sent: 0, answered: 0 };
    return {
      id: r.id,
      title: r.title,
      state: r.state as SurveyState,
      closesOn: r.closesOn,
      isPastDeadline: r.closesOn !== null && r.closesOn < today,
      questionCount: questionCounts.get(r.id) ?? 0,
      sent: counts.sent,
      answered: counts.answered,
      responseRate: percent(counts.answered, counts.sent),
      createdByName: dir.staff(r.createdBy),
      createdAt: r.createdAt.toISOString(),
      openedAt: r.openedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
    };
  });
}
