import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/rules';
import { configurationProperties, rulesReference } from '../../scripts/sync-manifest';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('the extension manifest', () => {
  test('its settings list every rule with its description and default level (run npx tsx scripts/sync-manifest.ts when this fails)', () => {
    assert.deepEqual(
      manifest.contributes.configuration.properties,
      JSON.parse(JSON.stringify(configurationProperties())),
    );
    assert.equal(
      Object.keys(manifest.contributes.configuration.properties['imrLetter.rules'].properties).length,
      RULES.length,
    );
  });

  test('docs/rules.md is the reference generated from the registry', () => {
    assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8'), rulesReference());
    for (const r of RULES) assert.ok(r.why.length > 20 && r.example.length > 5, r.id);
  });

  test('firstLine recognises the openings real letters have, with or without leading spaces or a form feed', () => {
    const firstLine = new RegExp(manifest.contributes.languages[0].firstLine);
    for (const opening of [
      'Case Number:          CM16-0213037',
      ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
      '\fHOW THE IMR FINAL DETERMINATION WAS MADE',
      'MAXIMUS FEDERAL SERVICES, INC.',
      'MEDICAL PROFESSIONAL REVIEW',
      'Notice of Independent Medical Review Determination',
    ]) {
      assert.match(opening, firstLine);
    }
    assert.doesNotMatch('Dear Sir or Madam,', firstLine);
  });

  test('the catalog file setting is not read in untrusted workspaces', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'imrLetter.guidelines.catalogFile',
    ]);
  });

  test('what a marketplace and VS Code expect: workspace support stated with reasons, commands in one category with when clauses, settings described', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    for (const c of [manifest.capabilities.untrustedWorkspaces, manifest.capabilities.virtualWorkspaces])
      assert.ok(c.description.length > 40);
    const commands: { command: string; category: string }[] = manifest.contributes.commands;
    assert.deepEqual([...new Set(commands.map((c) => c.category))], ['IMR Letters']);
    const palette: { command: string; when?: string }[] = manifest.contributes.menus.commandPalette;
    // Commands about the open letter show only when one is open; the workspace-wide ones always.
    const everywhere = ['imrLetter.restartServer', 'imrLetter.checkWorkspace', 'imrLetter.importPdf'];
    for (const c of commands.filter((c) => !everywhere.includes(c.command)))
      assert.equal(palette.find((p) => p.command === c.command)?.when, 'editorLangId == imr-letter', c.command);
    for (const [key, setting] of Object.entries<{ markdownDescription?: string; description?: string }>(
      manifest.contributes.configuration.properties,
    ))
      assert.ok((setting.markdownDescription ?? setting.description ?? '').length > 30, key);
    for (const field of ['displayName', 'description', 'categories', 'keywords', 'icon', 'repository', 'license'])
      assert.ok(manifest[field], `package.json lacks ${field}`);
  });
});
