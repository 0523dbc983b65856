// Builds server/src/guidelines/catalog.json from the project's research notes
// (../shared/guidelines/guideline-facts.json). Run by hand when the facts change:
//   node scripts/build-catalog.mjs [path/to/guideline-facts.json]
// The catalog keeps each fact's confidence; the hover shows only confirmed facts as facts.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NON_MTUS_SOURCES } from './catalog-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const factsPath = process.argv[2] ?? join(root, '..', 'shared', 'guidelines', 'guideline-facts.json');
const facts = JSON.parse(readFileSync(factsPath, 'utf8'));

const DWC_MTUS = {
  label: 'DWC: Medical Treatment Utilization Schedule (MTUS)',
  url: 'https://www.dir.ca.gov/dwc/MTUS/MTUS.html',
};
const ARTICLE = {
  label: '8 CCR Article 5.5.2 (MTUS regulations, index)',
  url: 'https://www.dir.ca.gov/t8/ch4_5sb1a5_5_2.html',
};
const MDGUIDELINES = {
  label: 'MDGuidelines: free MTUS access for California providers',
  url: 'https://www.mdguidelines.com/MTUS',
};
// The t8 page address is confirmed for 9792.23.5 only; the same pattern for the other sections is inferred.
const regulationLink = (section) => ({
  label: `8 CCR §${section} (regulation text${section === '9792.23.5' ? '' : '; address inferred from the §9792.23.5 page'})`,
  url: `https://www.dir.ca.gov/t8/${section.replace(/\./g, '_')}.html`,
});

// Chapters of a source outside the MTUS belong to it, so they show (and link to) its publisher.
const parentOf = (id) =>
  id.startsWith('mtus-cpmtg-2016-')
    ? 'mtus-cpmtg-2016'
    : id.startsWith('mtus-cpmtg-2009-')
      ? 'mtus-cpmtg-2009'
      : id.startsWith('mtus-opioids-2016-')
        ? 'mtus-opioids-2016'
        : id.startsWith('odg-')
          ? 'odg'
          : /^acoem(3-|-2008-)/.test(id)
            ? 'acoem'
            : undefined;

const kindOf = (f) =>
  f.id.startsWith('mtus-acoem2-section-')
    ? 'section-name'
    : /^(mtus-acoem2-ch|odg-|acoem3-|acoem-2008|mtus2017-)/.test(f.id)
      ? 'chapter'
      : parentOf(f.id)
        ? 'topic'
        : 'guideline';

const researched = new Set(NON_MTUS_SOURCES.map((e) => e.id));
const entries = facts
  .filter((f) => !researched.has(f.id))
  .map((f) => {
    const mtus = /^MTUS/.test(f.part);
    // The most specific 8 CCR section the part names: "(8 CCR 9792.23.5)" beats "8 CCR 9792.20-9792.26".
    const sections = [...f.part.matchAll(/8 CCR (9792\.[\d.]*\d)(?![\d.-])/g)].map((m) => m[1]);
    const regulation = sections.at(-1);
    const links = [];
    const add = (link) => link && !links.some((l) => l.url === link.url) && links.push(link);
    if (f.url === MDGUIDELINES.url) add(MDGUIDELINES);
    if (regulation && !/-/.test(regulation)) add(regulationLink(regulation));
    if (f.url && f.url !== MDGUIDELINES.url)
      add({
        label: f.url === DWC_MTUS.url ? DWC_MTUS.label : f.url === ARTICLE.url ? ARTICLE.label : `DWC: ${f.title}`,
        url: f.url,
      });
    if (mtus) add(DWC_MTUS);
    if (mtus && /2017/.test(f.part)) add(MDGUIDELINES);
    if (mtus) add(ARTICLE);
    return {
      id: f.id,
      kind: kindOf(f),
      parent: parentOf(f.id),
      name: f.name,
      title: f.title,
      publisher: f.publisher,
      part: f.part,
      mtus,
      regulation,
      chapter: f.chapter === null ? undefined : String(f.chapter),
      pages: f.pages ? { from: f.pages[0], to: f.pages[1], confidence: f.confidence } : undefined,
      confidence: f.confidence,
      aliases: f.aliases,
      links,
      notes: f.notes || undefined,
    };
  });

// Whole guidelines that letters name without a chapter. Facts from shared/domain.md §3.2 and §3.5;
// the sources outside the MTUS, with their publishers' pages, from scripts/catalog-sources.mjs.
entries.push(
  {
    id: 'mtus-acoem2',
    kind: 'guideline',
    name: 'ACOEM Occupational Medicine Practice Guidelines, 2nd ed. (2004), as adopted in the MTUS',
    title: 'ACOEM Practice Guidelines 2nd ed. (2004)',
    publisher: 'ACOEM (adopted by DWC)',
    part: 'MTUS (8 CCR 9792.20-9792.26, 2007/2009 version) - ACOEM Practice Guidelines 2nd ed. (2004)',
    mtus: true,
    confidence: 'confirmed',
    aliases: ['MTUS/ACOEM Guidelines', 'ACOEM Guidelines'],
    links: [DWC_MTUS, ARTICLE],
    notes: 'General Approaches are 8 CCR 9792.22; the clinical chapters 9792.23.1-9792.23.9',
  },
  ...NON_MTUS_SOURCES,
);

const out = join(root, 'server', 'src', 'guidelines', 'catalog.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      $schema: '../../../schemas/guideline-catalog.schema.json',
      source: 'built by scripts/build-catalog.mjs from the project research notes (guideline-facts.json)',
      entries,
    },
    null,
    1,
  ) + '\n',
);
console.log(`${entries.length} entries -> ${out}`);
