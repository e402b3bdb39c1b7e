import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { verifiedLinkHash } from '../../../platform/links/signed-token.ts';
import { getCenter } from '../../venue/service.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import { checkReplies } from './answers.ts';
import type { AnswerInput, PublicSurvey } from './contract.ts';
import * as repo from './repository.ts';
import { SURVEY_LINK_PURPOSE } from './sending.ts';
import { questionDtos } from './service.ts';
import { ACTIONS, type SurveyState } from './workflow.ts';

/**
 * The answer page behind a survey link: public, the signed one-use token is the permission. The
 * enterprise sees the questionnaire without logging in and answers once; a second answer, a
 * closed survey, an expired or forged link are refused with their own stable codes.
 */

const invalid = () => new AppError('SURVEY_LINK_INVALID', '问卷链接无效，请核对短信中的链接', [{ field: 'token', message: '链接无效' }]);
const answered = () => new AppError('SURVEY_ALREADY_ANSWERED', '该问卷链接已提交过答卷，每家企业只能填写一次', [{ field: 'token', message: '已提交过' }]);

/** The recipient and survey behind a link; refused when forged or unknown, used, closed or expired. */
async function openLink(db: DbOrTx, secret: string, token: string, now: Date, lock?: 'share'): Promise<{ recipient: repo.RecipientRow; survey: repo.SurveyRow }> {
  const hash = verifiedLinkHash(secret, SURVEY_LINK_PURPOSE, token);
  const recipient = hash ? await repo.findRecipientByTokenHash(db, hash) : undefined;
  if (!recipient) throw invalid();
  const survey = (await repo.findSurvey(db, recipient.surveyId, { lock }))!;
  if (recipient.answeredAt) throw answered();
  if (!ACTIONS.answer.from.includes(survey.state as SurveyState)) throw new AppError('SURVEY_CLOSED', '该问卷调查已结束，感谢您的关注', [{ field: 'token', message: '调查已结束' }]);
  if (recipient.expiresAt <= now) throw new AppError('SURVEY_LINK_EXPIRED', '问卷已过填写截止时间', [{ field: 'token', message: '链接已过期' }]);
  return { recipient, survey };
}

export async function getPublicSurvey(deps: ServiceDeps, token: string, now = new Date()): Promise<PublicSurvey> {
  const { recipient, survey } = await openLink(deps.db, deps.config.SESSION_SECRET, token, now);
  const [questions, center] = await Promise.all([repo.listQuestions(deps.db, survey.id), getCenter(deps.db, survey.centerId)]);
  return { title: survey.title, intro: survey.intro, centerName: center.name, enterpriseName: recipient.enterpriseName, closesOn: survey.closesOn, questions: questionDtos(questions) };
}

/**
 * Records the answers once. They are checked before anything is written; the link is marked used
 * in the same transaction as the answers are stored, by a conditional update, so two submissions
 * at once store one answer sheet and the other is refused with SURVEY_ALREADY_ANSWERED.
 */
export async function answerSurvey(deps: ServiceDeps, token: string, input: AnswerInput, now = new Date()): Promise<{ responseId: string; submittedAt: string }> {
  const { survey } = await openLink(deps.db, deps.config.SESSION_SECRET, token, now);
  const answers = checkReplies(questionDtos(await repo.listQuestions(deps.db, survey.id)), input.replies);
  return deps.db.transaction(async (tx) => {
    // the survey row shared: a close waits for this answer, or this answer sees it closed
    const { recipient } = await openLink(tx, deps.config.SESSION_SECRET, token, now, 'share');
    if (!(await repo.useRecipientLink(tx, recipient.id, now))) throw answered();
    const responseId = await repo.insertResponse(tx, { surveyId: recipient.surveyId, recipientId: recipient.id, answers, submittedAt: now });
    return { responseId, submittedAt: now.toISOString() };
  });
}
