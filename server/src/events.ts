import { notificationConsumers } from './platform/notifications/service.ts';
import { registerOutboxHandlers } from './platform/outbox/service.ts';
import { evaluationConsumers } from './modules/evaluations/events.ts';
import { queueConsumers } from './modules/queue/service.ts';

/**
 * Who consumes what through the outbox (ARCHITECTURE.md, "Events"): every module registers the
 * handlers of the topics it consumes, here, before anything is enqueued. `enqueue` refuses a
 * topic missing from this list. Idempotent.
 */
export function registerEventConsumers(): void {
  registerOutboxHandlers(notificationConsumers);
  registerOutboxHandlers(evaluationConsumers);
  registerOutboxHandlers(queueConsumers);
}
