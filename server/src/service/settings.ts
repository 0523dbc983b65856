import { DEFAULT_OUTLINE_DEPTH, OUTLINE_DEPTHS, type OutlineDepth } from '../features/outline-depth';
import type { CheckOptions } from '../rules';
import { LEVELS, type Level } from '../rules/rule';

/** The `imrLetter` settings the server uses, read defensively: editors may send anything. */
export interface Settings extends CheckOptions {
  rules: Record<string, Level>;
  /** A workspace JSON file of extra or overriding guideline catalog entries (VS Code honours it only in trusted workspaces). */
  catalogFile?: string;
  /** Annotation kinds added to the defaults. */
  annotationKinds: string[];
  /** Inline hints: what each decision means, the last day to appeal. */
  inlayHints: boolean;
  /** "Format Document" reflows the letter (off unless asked for: it rewrites line breaks). */
  reflowOnFormat: boolean;
  /** The most symbols an outline holds (deepest levels dropped first); 0 for no limit. */
  outlineLimit: number;
  /** How deep the outline goes: items, their fields, or everything down to each citation. */
  outlineDepth: OutlineDepth;
  /** A lens above each item with the counts of its precedents in the workspace. */
  precedentLenses: boolean;
}

export const SECTION = 'imrLetter';
/** Letters over this size get only the outline and hovers in the editor (the command line checks any size). */
export const DEFAULT_SIZE_LIMIT_MB = 5;
/** As VS Code caps its own outlines (json.maxItemsComputed): only letters of hundreds of items reach it. */
export const DEFAULT_OUTLINE_LIMIT = 5000;
export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  annotationKinds: [],
  sizeLimit: DEFAULT_SIZE_LIMIT_MB * 1_000_000,
  inlayHints: true,
  reflowOnFormat: false,
  outlineLimit: DEFAULT_OUTLINE_LIMIT,
  outlineDepth: DEFAULT_OUTLINE_DEPTH,
  precedentLenses: true,
};

export function readSettings(raw: unknown): Settings {
  const rules: Record<string, Level> = {};
  const given = (raw as { rules?: unknown } | null | undefined)?.rules;
  if (given && typeof given === 'object') {
    for (const [id, level] of Object.entries(given)) {
      if (LEVELS.includes(level as Level)) rules[id] = level as Level;
    }
  }
  const file = (raw as { guidelines?: { catalogFile?: unknown } } | null | undefined)?.guidelines?.catalogFile;
  const kinds = (raw as { annotations?: { kinds?: unknown } } | null | undefined)?.annotations?.kinds;
  const limit = (raw as { maxLetterSizeMB?: unknown } | null | undefined)?.maxLetterSizeMB;
  const hints = (raw as { inlayHints?: { enabled?: unknown } } | null | undefined)?.inlayHints?.enabled;
  const reflow = (raw as { format?: { reflow?: unknown } } | null | undefined)?.format?.reflow;
  const outline = (raw as { outline?: { maxSymbols?: unknown } } | null | undefined)?.outline?.maxSymbols;
  const depth = (raw as { outline?: { depth?: unknown } } | null | undefined)?.outline?.depth;
  const lenses = (raw as { precedents?: { codeLens?: unknown } } | null | undefined)?.precedents?.codeLens;
  return {
    rules,
    catalogFile: typeof file === 'string' && file.trim() ? file.trim() : undefined,
    annotationKinds: Array.isArray(kinds) ? kinds.filter((k): k is string => typeof k === 'string') : [],
    sizeLimit: (typeof limit === 'number' && limit > 0 ? limit : DEFAULT_SIZE_LIMIT_MB) * 1_000_000,
    inlayHints: hints !== false,
    reflowOnFormat: reflow === true,
    outlineLimit:
      typeof outline === 'number' && Number.isFinite(outline) && outline >= 0
        ? Math.floor(outline)
        : DEFAULT_OUTLINE_LIMIT,
    outlineDepth: OUTLINE_DEPTHS.includes(depth as OutlineDepth) ? (depth as OutlineDepth) : DEFAULT_OUTLINE_DEPTH,
    precedentLenses: lenses !== false,
  };
}
