/** The kinds of training course and of conduct finding (5.2; GB/T 36112 for service etiquette). */
export const TRAINING_CATEGORIES = ['business', 'policy', 'etiquette', 'other'] as const;
export const CONDUCT_ASPECTS = ['appearance', 'language', 'discipline'] as const;
