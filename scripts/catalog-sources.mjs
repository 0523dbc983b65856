// Sources outside the MTUS that letters cite, and the public page of each one's publisher or
// product. Research notes for scripts/build-catalog.mjs: every address carries where it was found
// and how sure it is. No address goes deeper than a page the notes saw: chapter text of licensed
// products needs a subscription, and no per-chapter address is confirmed for any of them.

export const ODG_BY_MCG = {
  label: 'ODG by MCG: publisher of the Official Disability Guidelines',
  url: 'https://www.mcg.com/odg/',
  access: 'licensed',
  confidence: 'partial',
  source:
    'publisher and subscription: https://www.azica.gov/official-disability-guidelines ("ODG ... published by MCG Health"; "Learn more at the MCG ODG site") and https://workerscomp.nm.gov/node/79 ("a subscription-based site ... visit MCG Health"; "Since 2017, the ODG has been operated by MCG Health"); the address as public pages and code link to it (GitHub, 2025)',
};

const UPTODATE = {
  label: 'UpToDate (Wolters Kluwer): product page',
  url: 'https://www.uptodate.com/',
  access: 'licensed',
  confidence: 'confirmed',
  source:
    'product home linked as such by many public references (GitHub code and documentation); subscription product per https://dcdm.doody.com/2018/07/a-review-of-uptodate/ and http://hlwiki.slais.ubc.ca/index.php?title=UpToDate',
};

const ACOEM_GUIDELINES = {
  label: "ACOEM: the College's Practice Guidelines page (summaries)",
  url: 'https://www.acoem.org/Guidance-and-Position-Statements/Guidelines',
  access: 'free',
  confidence: 'partial',
  source:
    'page read at http://www.acoem.org/Guidance-and-Position-Statements/Guidelines ("Summaries of select ACOEM Practice Guidelines ... For access to the full version of the Guidelines, subscribe to MDGuidelines"); the https form of the address is assumed',
};

const MDGUIDELINES = {
  label: 'MDGuidelines (Reed Group): ACOEM Practice Guidelines and the Medical Disability Advisor in full',
  url: 'https://www.mdguidelines.com/',
  access: 'licensed',
  confidence: 'confirmed',
  source:
    "page read at http://www.mdguidelines.com/ (Reed Group DisabilityGuidelines: the Medical Disability Advisor, ACOEM Practice Guidelines, ACOEM version 3); named by ACOEM's guidelines page as the subscription for the full guidelines",
};

const free = (label, url, confidence, source) => ({ label, url, access: 'free', confidence, source });

/** A drug or literature reference outside the MTUS: titled by its first alias. */
const information = (id, name, publisher, confidence, aliases, links) => ({
  id,
  kind: 'guideline',
  name,
  title: aliases[0],
  publisher,
  part: 'not part of the MTUS (drug information)',
  mtus: false,
  confidence,
  aliases,
  links,
});

/** Entries for the catalog, in the shape build-catalog.mjs writes. */
export const NON_MTUS_SOURCES = [
  {
    id: 'odg',
    kind: 'guideline',
    name: 'Official Disability Guidelines (ODG)',
    title: "Official Disability Guidelines - Treatment in Workers' Comp (ODG-TWC)",
    publisher: "Work Loss Data Institute (Encinitas, CA); since 2017 MCG Health ('ODG by MCG')",
    part: 'not part of the MTUS',
    mtus: false,
    confidence: 'confirmed',
    aliases: [
      'Official Disability Guidelines',
      'ODG',
      'Official Disability Guidelines (ODG)',
      'ODG by MCG',
      'Work Loss Data Institute',
      'WLDI',
      'Official Disability Guidelines Treatment in Workers Comp',
      'ODG-TWC',
    ],
    links: [ODG_BY_MCG],
    notes: 'licensed product; no public per-chapter address is confirmed, so chapters link to the publisher',
  },
  {
    id: 'acoem',
    kind: 'guideline',
    name: 'ACOEM Occupational Medicine Practice Guidelines (editions after the one the MTUS adopted)',
    title: 'ACOEM Occupational Medicine Practice Guidelines',
    publisher:
      'American College of Occupational and Environmental Medicine (ACOEM); full text through MDGuidelines (Reed Group)',
    part: 'not part of the MTUS as cited (the MTUS adopted the 2nd ed., 2004, and from 2017 the MDGuidelines version)',
    mtus: false,
    confidence: 'partial',
    aliases: [
      'ACOEM',
      'ACOEM Practice Guidelines',
      'ACOEM Occupational Medicine Practice Guidelines',
      'Occupational Medicine Practice Guidelines',
      'American College of Occupational and Environmental Medicine',
      'American College of Occupational and Environmental Medicine (ACOEM)',
      'ACOEM 3rd ed.',
      'ACOEM 3rd Edition',
      'ACOEM Guidelines 3rd Edition',
      'Third Edition ACOEM Guidelines',
    ],
    links: [ACOEM_GUIDELINES, MDGUIDELINES],
    notes:
      'the 3rd ed. (2011) chapters are cited as Non-MTUS; summaries are free at acoem.org, the full text needs a subscription',
  },
  {
    id: 'uptodate',
    kind: 'guideline',
    name: 'UpToDate',
    title: 'UpToDate (clinical decision support)',
    publisher: 'Wolters Kluwer',
    part: 'not part of the MTUS',
    mtus: false,
    confidence: 'confirmed',
    aliases: ['UpToDate', 'UpToDate.com', 'accessed from UpToDate.com', 'Up To Date'],
    links: [UPTODATE],
    notes: 'reviewers occasionally cite UpToDate topics as Non-MTUS Citation',
  },
  {
    id: 'mdguidelines',
    kind: 'guideline',
    name: 'MDGuidelines: the Medical Disability Advisor (Reed Group)',
    title: 'The Medical Disability Advisor',
    publisher: 'Reed Group',
    part: 'not part of the MTUS (return-to-work and disability duration guidelines)',
    mtus: false,
    confidence: 'confirmed',
    aliases: [
      'Medical Disability Advisor',
      'The Medical Disability Advisor',
      'MDGuidelines',
      'MD Guidelines',
      'Reed Group',
      'Reed Group DisabilityGuidelines',
    ],
    links: [MDGUIDELINES],
  },
  {
    id: 'aetna-cpb',
    kind: 'guideline',
    name: 'Aetna Clinical Policy Bulletins',
    title: 'Aetna Medical Clinical Policy Bulletins (CPBs)',
    publisher: 'Aetna',
    part: "not part of the MTUS (a health plan's coverage policies)",
    mtus: false,
    confidence: 'confirmed',
    aliases: [
      'Aetna Clinical Policy Bulletin',
      'Aetna Clinical Policy Bulletins',
      'Aetna CPB',
      'Aetna Medical Clinical Policy Bulletin',
      'Aetna',
    ],
    links: [
      free(
        'Aetna: Medical Clinical Policy Bulletins (search by number or keyword)',
        'https://www.aetna.com/health-care-professionals/clinical-policy-bulletins/medical-clinical-policy-bulletins.html',
        'confirmed',
        'page read at that address',
      ),
    ],
    notes:
      'each bulletin has its own page (www.aetna.com/cpb/medical/data/...); the index is linked, not a bulletin the letter may not name',
  },
  information(
    'dailymed',
    'DailyMed (FDA drug labels)',
    'U.S. National Library of Medicine',
    'confirmed',
    ['DailyMed', 'Daily Med'],
    [
      free(
        'DailyMed (National Library of Medicine): FDA drug labels',
        'https://dailymed.nlm.nih.gov/dailymed/',
        'partial',
        'page read at https://www.dailymed.nlm.nih.gov:443/dailymed/about-dailymed.cfm; the home address is its folder',
      ),
    ],
  ),
  information(
    'drugs-com',
    'Drugs.com (drug information)',
    'Drugsite Trust',
    'partial',
    ['Drugs.com', 'www.drugs.com'],
    [
      free(
        'Drugs.com: drug information',
        'https://www.drugs.com/',
        'partial',
        'domain as public references name it; https://www.drugs.com/drug_information.html linked in public repositories',
      ),
    ],
  ),
  information(
    'medscape',
    'Medscape (drug and disease reference)',
    'WebMD',
    'partial',
    ['Medscape', 'Medscape Reference', 'Medscape.com'],
    [
      free(
        'Medscape: drug and disease reference (free registration)',
        'https://reference.medscape.com/',
        'unverified',
        'domain medscape.com as public references name it; the reference address is not confirmed',
      ),
    ],
  ),
  information(
    'rxlist',
    'RxList (drug information)',
    'WebMD',
    'partial',
    ['RxList', 'RxList.com'],
    [
      free(
        'RxList: drug information',
        'https://www.rxlist.com/',
        'partial',
        'domain rxlist.com as public references name it',
      ),
    ],
  ),
  {
    ...information(
      'fda-drug-labels',
      'FDA drug label (prescribing information)',
      'U.S. Food and Drug Administration',
      'partial',
      [
        'FDA',
        'FDA label',
        'FDA labeling',
        'FDA package insert',
        'Food and Drug Administration',
        'U.S. Food and Drug Administration',
        'package insert',
        'prescribing information',
      ],
      [
        free(
          'DailyMed (National Library of Medicine): the FDA labels as submitted',
          'https://dailymed.nlm.nih.gov/dailymed/',
          'partial',
          'DailyMed is where the National Library of Medicine publishes FDA labeling (https://www.dailymed.nlm.nih.gov:443/dailymed/about-dailymed.cfm)',
        ),
      ],
    ),
    title: 'FDA-approved labeling',
    notes: "letters cite a drug's FDA labeling; DailyMed publishes it",
  },
  {
    ...information(
      'pubmed',
      'PubMed (peer-reviewed literature)',
      'U.S. National Library of Medicine',
      'partial',
      ['PubMed', 'MEDLINE'],
      [
        free(
          'PubMed (National Library of Medicine)',
          'https://pubmed.ncbi.nlm.nih.gov/',
          'partial',
          'address as public references name it',
        ),
      ],
    ),
    part: 'not part of the MTUS (peer-reviewed studies, 8 CCR 9792.21.1)',
  },
];
