// The data model of one analysed document. Plain values only: no LSP, no VS Code.
// Offsets are UTF-16 code-unit offsets into the text (what JS strings and LSP count);
// `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

export type ParagraphKind = 'kicker' | 'headline' | 'byline' | 'dateline' | 'body' | 'boilerplate';

export interface Paragraph {
  span: Span;
  kind: ParagraphKind;
}

export interface Dateline {
  span: Span;
  place?: string;
  date?: string;
  agency?: string;
}

export interface DocumentStructure {
  kicker?: Span;
  headline?: Span;
  byline?: { span: Span; authors: string[] };
  dateline?: Dateline;
  /** Every paragraph in order, including kicker, headline, byline and boilerplate. */
  paragraphs: Paragraph[];
  /** Trailing page furniture ("Related Articles", "Back to top button"). */
  boilerplate: Span[];
}

export interface Sentence {
  span: Span;
  /** Index into `structure.paragraphs`. */
  paragraph: number;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  /** Stable within a document: derived from kind and canonical name. */
  id: string;
  kind: EntityKind;
  /** Canonical (longest) name, e.g. "Todd Robinson". */
  name: string;
  /** Other surface forms that refer to it, e.g. "Robinson", "US". */
  aliases: string[];
  /** e.g. "assistant secretary of state for international narcotics and law enforcement affairs". */
  role?: string;
  /** Name and alias mentions in text order (pronouns and role nouns are not listed here). */
  mentions: Span[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** How a speaker was found: named next to the cue, through a pronoun, by continuing the
 * previous quoted paragraph, or through a role noun ("the diplomat"). */
export type AttributionHow = 'explicit' | 'pronoun' | 'continuation' | 'role-noun';

export interface Source {
  /** Entity id when the source resolves to a known entity. */
  entity?: string;
  /** The source as written: "Robinson", "he", "officials", "the diplomat". */
  text: string;
  span?: Span;
  /** The cue: "said", "told", "according to", "says". */
  cue?: string;
  cueSpan?: Span;
  how: AttributionHow;
  /** A source that names nobody checkable: "officials said", "experts say". */
  vague: boolean;
}

export interface Quote {
  id: string;
  /** The whole quotation including its marks (direct, partial) or the reported clause (indirect). */
  span: Span;
  /** Just the quoted words. */
  content: Span;
  text: string;
  kind: QuoteKind;
  source?: Source;
}

export type FigureKind = 'count' | 'money' | 'percent' | 'ratio' | 'date' | 'year' | 'duration' | 'measure';

export interface Figure {
  id: string;
  span: Span;
  text: string;
  kind: FigureKind;
  /** Numeric value where one is meant: 24e9 for "$24 billion", 0.5 for "half". */
  value?: number;
  /** Upper bound of a range ("between 10 and 20"). */
  valueMax?: number;
  /** ISO 4217 code for money ("USD"), "%", "times", "people", a measure unit… */
  unit?: string;
  /** "more than", "around", "at least", "up to", … as written, lower-cased. */
  qualifier?: string;
  /** Set when the sentence or paragraph that holds the figure is attributed. */
  source?: Source;
}

export type ClaimKind = 'quote' | 'statistic' | 'statement';

export interface Claim {
  /** Same when unrelated parts of the document change: derived from the claim's text. */
  id: string;
  span: Span;
  text: string;
  kind: ClaimKind;
  source?: Source;
  /** Figure ids in the claim. */
  figures: string[];
  /** Entity ids mentioned in the claim. */
  entities: string[];
  sourced: boolean;
}

export type FindingCode =
  | 'unsourced-figure'
  | 'unattributed-quote'
  | 'vague-attribution'
  | 'unbalanced-quote'
  | 'document-too-large'
  | 'binary-content'
  | 'analysis-failed';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  code: FindingCode;
  span: Span;
  message: string;
  /** Default severity; the server maps it through the user's settings. */
  severity: Severity;
  /** What a quick fix or a hover needs (e.g. the figure id). */
  data?: Record<string, string | number | boolean>;
  related?: { span: Span; message: string }[];
}

export interface AnalysisOptions {
  /** Texts longer than this are not analysed; a `document-too-large` finding says so. */
  maxLength?: number;
  /** Asked between stages: true stops the analysis with an AnalysisCancelled error (a
   * newer text made it useless), so a long analysis need not run to its end. */
  isCancelled?: () => boolean;
}

export interface DocumentAnalysis {
  schemaVersion: 1;
  length: number;
  structure: DocumentStructure;
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  figures: Figure[];
  claims: Claim[];
  findings: Finding[];
}
