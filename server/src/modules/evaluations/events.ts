import type { OutboxHandler } from '../../platform/outbox/service.ts';
import { APPLICATION_FINISHED, applicationFinished, VISIT_FINISHED, visitFinished } from '../../platform/events/domain.ts';
import { recordFinishedApplication, recordFinishedVisit } from './subjects/service.ts';

/** What evaluations consumes from the outbox: every finished visit and application becomes rateable. */
export const evaluationConsumers: Record<string, OutboxHandler> = {
  [VISIT_FINISHED]: (payload, entry) => recordFinishedVisit(entry.tx, entry.config, visitFinished.parse(payload)),
  [APPLICATION_FINISHED]: (payload, entry) => recordFinishedApplication(entry.tx, entry.config, applicationFinished.parse(payload)),
};
