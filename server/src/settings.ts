// The `claimlens` settings section: its shape, defaults, and tolerant reading of what a
// client sends (any client may send anything, or nothing at all).
import type { FindingCode, Severity } from './analysis/types';

export type SeveritySetting = Severity | 'off';

export const FINDING_CODES: readonly FindingCode[] = [
  'unsourced-figure',
  'unattributed-quote',
  'vague-attribution',
  'unbalanced-quote',
  'document-too-large',
  'binary-content',
];

export interface ClaimLensSettings {
  enable: boolean;
  /** Overrides of the default severity per finding code; 'off' hides the finding. */
  severity: Partial<Record<FindingCode, SeveritySetting>>;
  /** Documents larger than this many bytes (UTF-8) are not analysed. */
  maxFileSize: number;
  debounceMs: number;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const DEFAULT_SETTINGS: ClaimLensSettings = Object.freeze({
  enable: true,
  severity: Object.freeze({}),
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  debounceMs: 150,
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
  };
}
