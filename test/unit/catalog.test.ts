import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { DEFAULT_CATALOG } from '../../server/src/guidelines/catalog';
import { withOverrides } from '../../server/src/guidelines/overrides';
import { hover } from '../../server/src/features/hover';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, lineOf } from '../fixtures/letters';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'guideline-catalog.schema.json'), 'utf8'));
const CATALOG_JSON = JSON.parse(readFileSync(join(ROOT, 'server', 'src', 'guidelines', 'catalog.json'), 'utf8'));

describe('guideline catalog', () => {
  test('every entry has a name and aliases, every MTUS entry a link, links are web pages, ids are unique', () => {
    const ids = new Set<string>();
    for (const e of DEFAULT_CATALOG.entries) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok(e.name && e.title && e.publisher, e.id);
      if (e.mtus) assert.ok(e.links.length > 0, `${e.id} has no link`);
      for (const l of e.links) assert.match(l.url, /^https?:\/\//, e.id);
      if (e.parent) assert.ok(DEFAULT_CATALOG.get(e.parent), `${e.id}: unknown parent ${e.parent}`);
    }
  });

  test('no alias names two entries, except names the guidelines really share', () => {
    const owners = new Map<string, string[]>();
    for (const e of DEFAULT_CATALOG.entries) for (const a of e.aliases) owners.set(a, [...(owners.get(a) ?? []), e.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1).map(([alias]) => alias);
    // Seven 2004 chapters are cited as General Approaches; ACOEM's revised 2007 elbow chapter and the 2017 MTUS one are both Elbow Disorders.
    assert.deepEqual(shared, ['MTUS General Approaches 2004', 'Elbow Disorders']);
  });

  test('the catalog validates against the JSON schema the extension contributes, and the schema rejects what the server rejects', () => {
    const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
    assert.ok(validate(CATALOG_JSON), JSON.stringify(validate.errors?.slice(0, 3)));
    // The built-in catalog passes the checks a user's file goes through in the server, too.
    assert.deepEqual(withOverrides(DEFAULT_CATALOG, CATALOG_JSON).errors, []);
    for (const bad of [
      { id: 'Bad Id' },
      { id: 'x', links: [{ label: 'x', url: 'command:quit' }] },
      { id: 'x', pages: { from: 1 } },
      { id: 'x', confidence: 'sure' },
    ]) {
      assert.equal(validate({ entries: [bad] }), false, JSON.stringify(bad));
      assert.equal(withOverrides(DEFAULT_CATALOG, { entries: [bad] }).errors.length, 1, JSON.stringify(bad));
    }
  });

  test(
    'keeps the confidence of the research notes it was built from',
    {
      skip: existsSync(join(ROOT, '..', 'shared', 'guidelines')) ? false : 'no ../shared/guidelines beside the project',
    },
    () => {
      const facts = JSON.parse(
        readFileSync(join(ROOT, '..', 'shared', 'guidelines', 'guideline-facts.json'), 'utf8'),
      ) as { id: string; confidence: string; pages: number[] | null }[];
      for (const f of facts) {
        const e = DEFAULT_CATALOG.get(f.id);
        assert.ok(e, f.id);
        assert.equal(e!.confidence, f.confidence, f.id);
        assert.deepEqual(e!.pages ? [e!.pages.from, e!.pages.to] : null, f.pages, f.id);
      }
    },
  );

  test('a user file overrides an entry by id and adds new ones; bad entries are named and left out', () => {
    const { catalog, errors } = withOverrides(DEFAULT_CATALOG, {
      entries: [
        { id: 'odg-knee', links: [{ label: 'Our licensed ODG: Knee', url: 'https://odg.example.org/knee' }] },
        {
          id: 'house-protocol',
          kind: 'guideline',
          name: 'House Knee Protocol',
          aliases: ['House Knee Protocol 2020'],
          mtus: false,
        },
        { id: 'Bad Id' },
        { id: 'bad-link', links: [{ label: 'x', url: 'command:workbench.action.quit' }] },
      ],
    });
    assert.deepEqual(
      errors.map((e) => e.replace(/:.*/, '')),
      ['entry 3', 'entry 4'],
    );
    assert.equal(catalog.get('odg-knee')!.links[0].url, 'https://odg.example.org/knee');
    assert.equal(catalog.get('odg-knee')!.title, DEFAULT_CATALOG.get('odg-knee')!.title);
    assert.equal(catalog.named('House Knee Protocol 2020')[0].id, 'house-protocol');
    assert.equal(catalog.get('bad-link'), undefined);
    assert.equal(withOverrides(DEFAULT_CATALOG, { nope: 1 }).errors[0], 'the file has no "entries" array');

    const text = VALID_LETTER.replace(
      'Decision based on MTUS Knee Complaints 2004.',
      'Decision based on Non-MTUS Citation ODG, Knee & Leg.',
    );
    const line = lineOf(text, 'ODG, Knee');
    const md = (
      hover(parseLetter(text, catalog), { line, character: text.split('\n')[line].indexOf('Knee') }, catalog)!
        .contents as { value: string }
    ).value;
    assert.match(md, /\]\(https:\/\/odg\.example\.org\/knee\)/);
  });
});
