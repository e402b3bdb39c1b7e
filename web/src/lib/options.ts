/** Select options from a locale label map; the map's keys are the enum's values. */
export const optionsOf = <K extends string>(labels: Record<K, string>): { value: K; label: string }[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
