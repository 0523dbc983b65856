import type { ItemRow } from '../reports/item-table';

/** What two requests are compared by: the columns the classifier fills (an ItemRow and an ItemRecord both have them). */
export type Request = Pick<ItemRow, 'category' | 'subcategory' | 'region' | 'drug'>;

/**
 * The one definition of a "similar request" (docs/precedents.md): the same category and
 * subcategory; where the item names a drug, the same drug; where it names a body region, the same
 * region ("multiple" matches only "multiple"). An item classified "other" has no similar requests:
 * nothing is known of it to compare.
 */
export function isSimilar(target: Request, other: Request): boolean {
  if (target.category === 'other') return false;
  return (
    other.category === target.category &&
    other.subcategory === target.subcategory &&
    (!target.drug || other.drug === target.drug) &&
    (!target.region || other.region === target.region)
  );
}
