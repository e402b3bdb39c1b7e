/**
 * What other parts of the server use of evaluations (clause 9.1): the jobs record the default
 * 基本满意, the other parts of evaluations read the center's rules. Queue and applications never
 * call evaluations: they publish `visit.finished` and `application.finished` (evaluations/events.ts).
 */

export { loadEvaluationSettings } from './settings/service.ts';
export { recordDefaultRatings } from './ratings/defaults.ts';
export { questionSetsForForms } from './ratings/questions.ts';
export { toRatingDto } from './ratings/dto.ts';
export { evaluationConsumers } from './events.ts';
