/** The shapes of the industry table, apart from the table itself (which is read from disk). */

export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const;
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number];

export type Industry = {
  /** normalized: section letter plus 0, 2, 3 or 4 digits */
  code: string;
  name: string;
  level: IndustryLevel;
  section: string;
  /** the 2-digit division, null for a section */
  division: string | null;
  /** names from the section down to this code, e.g. 制造业 / 农副食品加工业 / 谷物磨制 / 稻谷加工 */
  path: string[];
};

export type IndustryTreeNode = { code: string; name: string; children?: IndustryTreeNode[] };
