import type { CheckOptions } from './rules';
import { LEVELS, type Level } from './rules/rule';

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
}

export const SECTION = 'imrLetter';
/** Letters over this size get only the outline and hovers in the editor (the command line checks any size). */
export const DEFAULT_SIZE_LIMIT_MB = 5;
export const DEFAULT_SETTINGS: Settings = { rules: {}, annotationKinds: [], sizeLimit: DEFAULT_SIZE_LIMIT_MB * 1_000_000, inlayHints: true, reflowOnFormat: false };

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
  return {
    rules,
    catalogFile: typeof file === 'string' && file.trim() ? file.trim() : undefined,
    annotationKinds: Array.isArray(kinds) ? kinds.filter((k): k is string => typeof k === 'string') : [],
    sizeLimit: (typeof limit === 'number' && limit > 0 ? limit : DEFAULT_SIZE_LIMIT_MB) * 1_000_000,
    inlayHints: hints !== false,
    reflowOnFormat: reflow === true,
  };
}
