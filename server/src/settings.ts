// The `claimlens` settings section: its shape, defaults, and tolerant reading of what a
// client sends (any client may send anything, or nothing at all).
import { RULE_CODES } from '../../protocol/requests';
import type { FindingCode, Severity } from './analysis/types';

export type SeveritySetting = Severity | 'off';

export const FINDING_CODES: readonly FindingCode[] = RULE_CODES;

export interface ClaimLensSettings {
  enable: boolean;
  /** Overrides of the default severity per finding code; 'off' hides the finding. */
  severity: Partial<Record<FindingCode, SeveritySetting>>;
  /** Documents larger than this many bytes (UTF-8) are not analysed. */
  maxFileSize: number;
  debounceMs: number;
  workspace: WorkspaceSettings;
}

/** `claimlens.workspace.*`: which files of the workspace folders are indexed, and when. */
export interface WorkspaceSettings {
  analyzeOnStartup: boolean;
  /** Globs relative to a workspace folder. */
  include: string[];
  exclude: string[];
  /** Problems for unopened files: only for open files, or for every indexed file. */
  diagnostics: 'openFiles' | 'workspace';
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = Object.freeze({
  analyzeOnStartup: true,
  include: Object.freeze(['**/*.{txt,md,markdown,news,article}']) as string[],
  exclude: Object.freeze(['**/node_modules/**', '**/.git/**']) as string[],
  diagnostics: 'openFiles',
}) as WorkspaceSettings;

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const DEFAULT_SETTINGS: ClaimLensSettings = Object.freeze({
  enable: true,
  severity: Object.freeze({}),
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  debounceMs: 150,
  workspace: DEFAULT_WORKSPACE_SETTINGS,
}) as ClaimLensSettings;

const SEVERITY_SETTINGS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning', none: 'off' };

export function parseSeveritySetting(value: unknown): SeveritySetting | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (SEVERITY_SETTINGS.has(lower)) return lower as SeveritySetting;
  return SEVERITY_ALIASES[lower];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function globList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0).map((item) => item.trim());
}

function normalizeWorkspaceSettings(raw: unknown): WorkspaceSettings {
  if (!isRecord(raw)) return DEFAULT_WORKSPACE_SETTINGS;
  const defaults = DEFAULT_WORKSPACE_SETTINGS;
  return {
    analyzeOnStartup: typeof raw.analyzeOnStartup === 'boolean' ? raw.analyzeOnStartup : defaults.analyzeOnStartup,
    include: globList(raw.include, defaults.include),
    exclude: globList(raw.exclude, defaults.exclude),
    diagnostics: raw.diagnostics === 'workspace' || raw.diagnostics === 'openFiles' ? raw.diagnostics : defaults.diagnostics,
  };
}

/** Reads a `claimlens` section as sent by a client; unknown or invalid values fall back to defaults. */
export function normalizeSettings(raw: unknown): ClaimLensSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS, severity: {} };
  const severity: Partial<Record<FindingCode, SeveritySetting>> = {};
  if (isRecord(raw.severity)) {
    for (const code of FINDING_CODES) {
      const level = parseSeveritySetting(raw.severity[code]);
      if (level) severity[code] = level;
    }
  }
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    severity,
    maxFileSize: positiveNumber(raw.maxFileSize, DEFAULT_SETTINGS.maxFileSize),
    debounceMs: Math.min(positiveNumber(raw.debounceMs, DEFAULT_SETTINGS.debounceMs), 10_000),
    workspace: normalizeWorkspaceSettings(raw.workspace),
  };
}
