// Writes the settings part of package.json and docs/rules.md from the rule registry, so the
// settings UI and the reference list every rule with its description and default level. Run: npx tsx scripts/sync-manifest.ts
// (test/package/manifest.test.ts fails when package.json and the registry disagree).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/rules';
import { realLetterNote } from './real-letter-checks';
import { LEVELS } from '../server/src/rules/rule';
import { DEFAULT_OUTLINE_LIMIT, DEFAULT_SIZE_LIMIT_MB } from '../server/src/service/settings';
import { DEFAULT_OUTLINE_DEPTH, OUTLINE_DEPTHS } from '../server/src/features/outline-depth';

export function configurationProperties(): Record<string, unknown> {
  return {
    'imrLetter.rules': {
      type: 'object',
      default: {},
      markdownDescription:
        'The level of each diagnostic rule, by its id: `error`, `warning`, `information`, `hint` or `off`. Rules not named keep their default level. Findings can also be silenced in the letter with `{>>imr-disable-line rule.id<<}`.',
      properties: Object.fromEntries(
        RULES.map((r) => [
          r.id,
          {
            type: 'string',
            enum: [...LEVELS],
            default: r.severity,
            markdownDescription: `${r.description} (default: \`${r.severity}\`)`,
          },
        ]),
      ),
      additionalProperties: false,
    },
    'imrLetter.guidelines.catalogFile': {
      type: 'string',
      default: '',
      scope: 'resource',
      markdownDescription:
        "A JSON file in the workspace (schema: `schemas/guideline-catalog.schema.json`; name it `*.imr-guidelines.json` for validation while you edit) whose entries add to or override the built-in guideline catalog, for example your organisation's licensed ODG links. Read only in trusted workspaces.",
    },
    'imrLetter.annotations.kinds': {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z][a-z-]*$' },
      default: [],
      markdownDescription:
        'Annotation kinds to add to the defaults (`note`, `todo`, `question`, `appeal-authority`, `appeal-fraud`, `appeal-conflict`, `appeal-bias`, `appeal-fact`), for example a research coding scheme: `["code-imaging", "code-opioids"]`.',
    },
    'imrLetter.maxLetterSizeMB': {
      type: 'number',
      default: DEFAULT_SIZE_LIMIT_MB,
      minimum: 0.1,
      scope: 'resource',
      markdownDescription:
        'Letters larger than this many megabytes are not checked in the editor (their outline, folding and hovers still work, and one information finding says so). `imr-lint` checks letters of any size.',
    },
    'imrLetter.inlayHints.enabled': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription:
        "Show inline hints after each decision: what it means for the worker (`UR denial stands` / `treatment to be authorized`). The last day to appeal is in the code lens at the letter's top and in the Decision Date's hover.",
    },
    'imrLetter.format.reflow': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      markdownDescription:
        'Let **Format Document** reflow a letter: join the lines of each paragraph, remove the blank-line doubling of double-spaced letters and join words split at a line end, keeping headings, labels, items and annotations where they are. Off by default because it rewrites line breaks; the command **IMR Letters: Reflow Letter** works either way.',
    },
    'imrLetter.outline.depth': {
      type: 'string',
      enum: [...OUTLINE_DEPTHS],
      enumDescriptions: [
        'The header, the sections, each disputed item (its decision first) and your annotations.',
        'And the fields of the header, the reviewer and each item.',
        'And, under the guideline fields, each guideline cited.',
      ],
      default: DEFAULT_OUTLINE_DEPTH,
      scope: 'resource',
      markdownDescription:
        "How deep a letter's outline goes. `items` reads best: a 21-item letter fits in about 30 rows, each item's decision in sight. `imr-lint --outline` prints every level.",
    },
    'imrLetter.outline.maxSymbols': {
      type: 'integer',
      default: DEFAULT_OUTLINE_LIMIT,
      minimum: 0,
      scope: 'resource',
      markdownDescription:
        "The most symbols a letter's outline shows (`0` for no limit). Past it, whole levels are left out, deepest first: a letter of a thousand items keeps its sections and items and loses their fields and citations. Only letters of hundreds of items reach the default. `imr-lint --outline` prints every symbol.",
    },
    'imrLetter.precedents.codeLens': {
      type: 'boolean',
      default: true,
      scope: 'resource',
      markdownDescription:
        'Show a lens above each disputed item with how similar requests in the workspace were decided (`Precedents: 37 similar, 16 % overturned`); click it for the **Precedents** view. The hover on the item line gives the same counts either way.',
    },
    'imrLetter.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      description:
        'Log the messages between VS Code and the IMR letter language server (never letter text at the server\'s own log level; at "verbose" the protocol messages themselves include the text).',
    },
  };
}

/** docs/rules.md: every rule, what it catches, why it matters, an example, its default level, what real letters it was checked against. */
export function rulesReference(): string {
  const rows = RULES.map(
    (r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  const sections = RULES.map((r) =>
    [
      `## ${r.id}`,
      '',
      r.description,
      '',
      `**Why it matters.** ${r.why}`,
      '',
      `**Example.** ${r.example}`,
      '',
      `**Default level:** ${r.severity}. Change it with \`"imrLetter.rules": { "${r.id}": "warning" }\`, or silence one finding with \`{>>imr-disable-line ${r.id}<<}\` on its line.`,
      '',
      realLetterNote(r.id),
      '',
    ].join('\n'),
  );
  return [
    '# Rules',
    '',
    'Generated from the rule registry by `npx tsx scripts/sync-manifest.ts`; a test fails when it drifts. Quick fixes are offered where the finding says what to write; "Fix all" and fix on save (`source.fixAll.imr`) apply only the fixes that restore what the finding names.',
    '',
    '| rule | default | what it catches |',
    '|---|---|---|',
    ...rows,
    '',
    ...sections,
  ].join('\n');
}

function anchor(id: string): string {
  return id.replace(/\./g, '');
}

if (require.main === module) {
  const path = join(__dirname, '..', 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.contributes.configuration.properties = configurationProperties();
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
  mkdirSync(join(__dirname, '..', 'docs'), { recursive: true });
  writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), rulesReference());
  console.log(`${RULES.length} rules written to package.json and docs/rules.md`);
}
