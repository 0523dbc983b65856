import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../server/src/letter/parse';
import { itemRows } from '../../server/src/reports/item-table';
import { classifyTreatment, treatmentLabel } from '../../server/src/treatments/classify';
import vocabulary from '../../server/src/treatments/vocabulary.json';
import { realLetters } from '../fixtures/letters';

// Item names in the forms letters write them: category, subgroup, region, drug.
const CASES: [string, string, string, string, string][] = [
  ['Single Positional Cervical Spine MRI without Contrast', 'diagnostic-testing', 'mri', 'cervical-spine', ''],
  ['Retrospective CT scan of the cervical spine (DOS 11/18/16)', 'diagnostic-testing', 'ct', 'cervical-spine', ''],
  ['X-rays of the right knee, 3 views', 'diagnostic-testing', 'x-ray', 'knee', ''],
  ['Diagnostic ultrasound of the left shoulder', 'diagnostic-testing', 'ultrasound', 'shoulder', ''],
  ['EMG/NCV of the lower extremities', 'diagnostic-testing', 'electrodiagnostics', 'lower-extremities', ''],
  ['Urine drug screen', 'diagnostic-testing', 'laboratory', '', ''],
  ['Lumbar Epidural Injection to the L4-L5, L5-S1 Area', 'injection', 'epidural', 'lumbar-spine', ''],
  ['Facet joint injections L4-5, L5-S1', 'injection', 'facet', 'lumbar-spine', ''],
  ['Trigger point injections x 4 to the trapezius', 'injection', 'trigger-point', '', ''],
  ['Synvisc injection to the right knee', 'injection', 'joint', 'knee', ''],
  ['Toradol 60mg IM injection', 'injection', 'other', '', 'ketorolac'],
  [
    'Electro acupuncture to the low back two times a week times six weeks',
    'rehabilitation',
    'acupuncture',
    'lumbar-spine',
    '',
  ],
  [
    'Chiropractic care to the low back two times a week for four weeks',
    'rehabilitation',
    'chiropractic',
    'lumbar-spine',
    '',
  ],
  ['Physical therapy to the low back two sessions', 'rehabilitation', 'pt-ot', 'lumbar-spine', ''],
  ['Aquatic therapy 2x6 for the lumbar spine', 'rehabilitation', 'pt-ot', 'lumbar-spine', ''],
  ['Cognitive behavioral therapy, 6 sessions', 'psych-services', '', '', ''],
  ['Functional restoration program, 80 hours', 'programs', 'functional-restoration', '', ''],
  ['Home health aide 4 hours a day', 'home-health', '', '', ''],
  ['Follow-up visit with the pain management specialist', 'evaluation-management', '', '', ''],
  [
    'Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis',
    'surgery',
    'arthroscopic',
    'shoulder',
    '',
  ],
  ['L4-L5 posterior lumbar fusion', 'surgery', 'spine', 'lumbar-spine', ''],
  ['Right carpal tunnel release', 'surgery', 'other', 'wrist-hand', ''],
  ['Infrared heat to the low back two times a week times six weeks', 'therapies', '', 'lumbar-spine', ''],
  ['Extracorporeal shockwave therapy to the left heel', 'therapies', '', 'ankle-foot', ''],
  ['TENS unit, purchase', 'dmepos', '', '', ''],
  ['Hinged knee brace, left', 'dmepos', '', 'knee', ''],
  ['Transportation to and from medical appointments', 'transportation', '', '', ''],
  ['Lorzone 750mg one by mouth three times a day #45', 'pharmaceuticals', 'muscle-relaxants', '', 'chlorzoxazone'],
  ['Post-op Percocet 5/325mg', 'pharmaceuticals', 'opioids', '', 'oxycodone/acetaminophen'],
  ['Oxycodone HCL ER 20mg #60 day supply: 30', 'pharmaceuticals', 'opioids', '', 'oxycodone'],
  ['Ultram 50mg #30', 'pharmaceuticals', 'opioids', '', 'tramadol'],
  ['Naproxen sodium 550mg #60', 'pharmaceuticals', 'nsaids', '', 'naproxen'],
  ['Gabapentin 600mg #90', 'pharmaceuticals', 'anticonvulsants', '', 'gabapentin'],
  ['Flurbiprofen 20%/Lidocaine 5% cream 180gm', 'pharmaceuticals', 'topical-compounds', '', 'lidocaine'],
  ['Omeprazole 20mg #60', 'pharmaceuticals', 'gastrointestinal', '', 'omeprazole'],
  ['Ambien 10mg #30', 'pharmaceuticals', 'sleep-aids', '', 'zolpidem'],
  ['Post-op Zofran', 'pharmaceuticals', 'antiemetics', '', 'ondansetron'],
  ['Unknownol 10mg #30', 'pharmaceuticals', 'other', '', ''],
  ['MRI of the cervical and lumbar spine', 'diagnostic-testing', 'mri', 'multiple', ''],
  ['Something the vocabulary does not know', 'other', '', '', ''],
];

describe('treatment classification', () => {
  test('each kind of request as letters name it gets its category, subgroup, region and drug', () => {
    for (const [name, category, subgroup, region, drug] of CASES)
      assert.deepEqual(classifyTreatment(name), { category, subgroup, region, drug }, name);
  });

  test('an associated surgical service goes with surgery, keeping its region and drug', () => {
    assert.deepEqual(classifyTreatment('Physical therapy to the right shoulder, times 12', true), {
      category: 'surgery',
      subgroup: 'associated-service',
      region: 'shoulder',
      drug: '',
    });
    assert.deepEqual(classifyTreatment('Post-op Norco 10/325mg', true).drug, 'hydrocodone/acetaminophen');
  });

  test('a word inside another is not matched: "ct" in "contrast", "pt" in "repeat", "ice" in "service"', () => {
    assert.equal(classifyTreatment('Repeat contrast study of the service elevator').category, 'other');
  });

  test('the vocabulary is consistent: ids unique, every drug in a pharmaceutical subgroup, labels for each', () => {
    const ids = vocabulary.categories.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    const pharma = vocabulary.categories.find((c) => c.id === 'pharmaceuticals')!.subgroups.map((s) => s.id);
    for (const d of vocabulary.drugs) assert.ok(pharma.includes(d.subgroup), `${d.name}: ${d.subgroup}`);
    assert.equal(treatmentLabel({ category: 'pharmaceuticals', subgroup: 'opioids' }), 'Pharmaceuticals: Opioids');
    assert.equal(treatmentLabel({ category: 'other', subgroup: '' }), 'Other');
  });

  test(
    'every item of the real letters gets a category other than "other", and the item table carries it',
    { skip: realLetters().length === 0 ? 'no ../shared/imr-letters here' : false },
    () => {
      const rows = realLetters().flatMap((text, i) => itemRows(`letter-${i}`, parseLetter(text)));
      assert.ok(rows.length >= 27, `${rows.length} items`);
      const unplaced = rows.filter((r) => r.category === 'other').map((r) => r.item);
      assert.deepEqual(unplaced, []);
      assert.ok(rows.every((r) => 'subcategory' in r && 'region' in r && 'drug' in r));
    },
  );
});
