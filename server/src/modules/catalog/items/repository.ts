import { catalogItems, catalogItemVersions } from '../tables.ts';
import type { ItemGuide } from '../contract.ts';
import { versionedRepository } from '../versions/repository.ts';

/** Items' versioned storage; what the database keeps beside each guide is below. */
export const itemRepository = versionedRepository<ItemGuide>({
  entries: catalogItems,
  versions: catalogItemVersions,
  entryKey: 'itemId',
  guideColumns,
  group: catalogItemVersions.theme,
  departmentId: catalogItemVersions.departmentId,
});

/** The columns derived from a guide: what the database guards and other modules filter on. */
function guideColumns(guide: ItemGuide) {
  return {
    name: guide.name,
    theme: guide.theme,
    departmentId: guide.departmentId,
    processingKind: guide.processingKind,
    promisedLimitDays: guide.promisedLimitDays,
    isCommitmentAllowed: guide.commitment.isAllowed,
    isDeferralAllowed: guide.deferral.isAllowed,
    supplementDays: guide.deferral.isAllowed ? guide.deferral.supplementDays : null,
    jointReviewGroup: guide.jointReview.group,
    appointmentMode: guide.appointment.mode,
    guide,
  };
}
