import data from './vocabulary.json';

/** What a disputed item requests: its category (and subgroup), the body region and the drug, where its name says. */
export interface Treatment {
  /** A category id of vocabulary.json ("pharmaceuticals"), or "other". */
  category: string;
  /** A subgroup id within it ("opioids"), or "" where the category has none. */
  subgroup: string;
  /** A region id ("lumbar-spine"), "multiple" when the name names several, "" when none. */
  region: string;
  /** A drug's generic name ("tramadol"), or "" when none is named. */
  drug: string;
}

interface Group {
  id: string;
  label: string;
  terms: string[];
}

interface Category extends Group {
  subgroups: Group[];
}

interface Vocabulary {
  categories: Category[];
  drugs: { name: string; subgroup: string; aliases: string[] }[];
  regions: Group[];
}

const VOCABULARY = data as Vocabulary;

/** The category of items an associated surgical service belongs to, and its subgroup there. */
const ASSOCIATED = { category: 'surgery', subgroup: 'associated-service' };

/**
 * The words of a name as terms are matched: lower case, each run of anything but letters and
 * digits a space, a dose's unit apart from its number ("100mg" -> "100 mg"), a space at each end.
 */
function words(text: string): string {
  const spaced = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(\d)(mg|mcg|ml|g)\b/g, '$1 $2');
  return ` ${spaced.trim()} `;
}

const has = (name: string, terms: readonly string[]) => terms.some((t) => name.includes(` ${t} `));

/** Terms written as the names are: the same normalisation, once. */
function normalised<T extends Group>(group: T): T {
  return { ...group, terms: group.terms.map((t) => words(t).trim()) };
}

const CATEGORIES = VOCABULARY.categories.map((c) => ({ ...normalised(c), subgroups: c.subgroups.map(normalised) }));
const DRUGS = VOCABULARY.drugs.map((d) => ({ ...d, aliases: d.aliases.map((a) => words(a).trim()) }));
const REGIONS = VOCABULARY.regions.map(normalised);

/** Classifies an item by its name (for a modified request, the portion decided). */
export function classifyTreatment(name: string, associatedSurgicalService = false): Treatment {
  const text = words(name);
  const drug = DRUGS.find((d) => has(text, d.aliases));
  const regions = REGIONS.filter((r) => has(text, r.terms));
  const region = regions.length === 1 ? regions[0].id : regions.length > 1 ? 'multiple' : '';
  if (associatedSurgicalService) return { ...ASSOCIATED, region, drug: drug?.name ?? '' };
  const category = CATEGORIES.find((c) => has(text, c.terms) || (c.id === 'pharmaceuticals' && drug !== undefined));
  if (!category) return { category: 'other', subgroup: '', region, drug: drug?.name ?? '' };
  const subgroup =
    category.id === 'pharmaceuticals' && drug
      ? drug.subgroup
      : ((category.subgroups.find((s) => has(text, s.terms)) ?? category.subgroups.find((s) => s.terms.length === 0))
          ?.id ?? '');
  return { category: category.id, subgroup, region, drug: drug?.name ?? '' };
}

/** The label a reader sees for a category and subgroup ids ("Pharmaceuticals: Opioids"). */
export function treatmentLabel(t: Pick<Treatment, 'category' | 'subgroup'>): string {
  const category = VOCABULARY.categories.find((c) => c.id === t.category);
  if (!category) return 'Other';
  const subgroup = category.subgroups.find((s) => s.id === t.subgroup);
  return subgroup ? `${category.label}: ${subgroup.label}` : category.label;
}
