// Incremental re-analysis: after an edit, only a window of whole paragraphs around it is
// analysed again, and the result is spliced into the previous analysis. Items outside the
// window keep their data (offsets after the edit shifted); items inside are replaced by the
// window's. Pure: DocumentAnalysis in, DocumentAnalysis out; knows nothing of LSP.
//
// The splice is a fast first answer, not the last word: stages that read the whole document
// (entity kinds voted across it, aliases, a speaker named far before the window) can see
// less in a window. Where that could produce a new false alarm, the splice keeps what the
// previous analysis knew or leaves the doubtful finding out; the full analysis that follows
// replaces it. When the edit reaches anything the window cannot reproduce (the header, the
// trailing boilerplate, paragraphing of the whole text, a quotation across the window's
// edge), `spliceAnalysis` returns undefined and the caller waits for the full analysis.
import type { Claim, DocumentAnalysis, Entity, Figure, Finding, Paragraph, Quote, Sentence, Source, Span } from './types';
import { splitBlocks } from './structure';
import type { Mention } from './entities';
import { figureIdHash, isPlainFigureText, normaliseFigureText } from './figures';
import { analyzeStages } from './index';
import { findByOffset, firstStartingAt, isSpaceCode } from './text';
import type { TextReader } from '../common/pieceText';

/** One contiguous change: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest contiguous change that turns `before` into `after` (common prefix and
 * suffix); undefined when they are equal. Linear, comparing in chunks natively. */
export function changedRange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  // Coarse steps by substring equality (native memcmp), then character by character.
  for (let step = 65536; step >= 1; step >>= 4) {
    while (prefix + step <= limit && before.slice(prefix, prefix + step) === after.slice(prefix, prefix + step)) prefix += step;
  }
  let suffix = 0;
  const suffixLimit = limit - prefix;
  for (let step = 65536; step >= 1; step >>= 4) {
    while (
      suffix + step <= suffixLimit &&
      before.slice(before.length - suffix - step, before.length - suffix) === after.slice(after.length - suffix - step, after.length - suffix)
    )
      suffix += step;
  }
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** What changedRange(before, after) gives, found from a change known to turn `before` into
 * `after` (an editor's, not always the smallest: typed text may repeat what it replaced or
 * what follows it) by comparing only around it, never the whole texts. */
export function minimalChange(before: TextReader, after: TextReader, known: TextChange): TextChange | undefined {
  const limit = Math.min(before.length, after.length);
  // Everything before known.start is the same; the common prefix may go on past it.
  let prefix = Math.min(known.start, limit);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix === limit && before.length === after.length) return undefined;
  // Likewise everything from known.oldEnd on (up to what the prefix leaves).
  const suffixLimit = limit - prefix;
  let suffix = Math.min(before.length - known.oldEnd, suffixLimit);
  while (suffix < suffixLimit && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** Paragraphs of context analysed before the edited ones (a speaker named there, a
 * quotation continued from there) and after them (the first one is re-analysed too, for
 * continuation from the edit; the last one only shows whether a quotation goes on). */
export const CONTEXT_BEFORE = 8;
export const CONTEXT_AFTER = 2;
/** The first paragraphs may be kicker, headline, byline or dateline: never in a window. */
const HEADER_PARAGRAPHS = 6;

export interface SpliceOptions {
  contextBefore?: number;
  contextAfter?: number;
  /** Take the previous analysis apart: its items move into the result with their offsets
   * shifted in place, instead of being copied. On a large document that spares copying
   * (and the garbage collector promoting) tens of thousands of objects per edit. The
   * previous analysis must not be used afterwards; it is left untouched when the result
   * is undefined. */
  reuse?: boolean;
}

/** The analysis of one window of body paragraphs, with window-relative offsets. */
interface WindowAnalysis {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  figures: Figure[];
  claims: Claim[];
  findings: Finding[];
}

/** The core's stages over a run of body paragraphs (as `analyze` runs them, with every
 * paragraph a body paragraph: a window never holds the header or the boilerplate). */
function analyzeWindow(text: string): WindowAnalysis {
  // Filled by push, as analyzeStructure fills its own: one array kind for the stages' code.
  const paragraphs: Paragraph[] = [];
  for (const block of splitBlocks(text)) paragraphs.push({ span: block.span, kind: 'body' });
  const structure = { paragraphs, boilerplate: [] };
  return { paragraphs, ...analyzeStages(text, structure) };
}

/** Does the text hold a blank line? Paragraphing depends on it (see splitBlocks). */
function hasBlankLine(text: TextReader, from = 0, to = text.length): boolean {
  let lineBlank = true;
  let sawLine = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (lineBlank && sawLine) return true;
      lineBlank = true;
      sawLine = true;
    } else if (!isSpaceCode(c)) lineBlank = false;
  }
  return false;
}

/** Characters whose insertion could make the whole text look binary (see looksBinary). */
function hasControlCharacters(text: TextReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) return true;
  }
  return false;
}

function firstEndingAtOrAfter(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].span.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where each old offset goes: unchanged before the replaced region, shifted after it. */
class Shift {
  constructor(
    /** Replaced region in old offsets [from, oldTo) and new offsets [from, newTo). */
    readonly from: number,
    readonly oldTo: number,
    readonly newTo: number,
  ) {}
  get delta(): number {
    return this.newTo - this.oldTo;
  }
  before(s: Span): boolean {
    return s.end <= this.from;
  }
  after(s: Span): boolean {
    return s.start >= this.oldTo;
  }
  outside(s: Span): boolean {
    return this.before(s) || this.after(s);
  }
  span(s: Span): Span {
    if (s.end <= this.from || this.delta === 0) return s;
    return { start: s.start >= this.oldTo ? s.start + this.delta : s.start, end: s.end + this.delta };
  }
}

class Bail extends Error {}

/** The spans a splice moved in place, kept between splices: growing a fresh array of tens
 * of thousands of entries on every edit cost more than the moves themselves (each regrowth
 * is a new large allocation). Only the first entries of a splice's count are its own. */
const movedSpans: Span[] = [];

/**
 * The analysis of `text` (the previous text with `change` applied), made from `previous`
 * and a re-analysed window around the change; undefined when a window cannot stand in for
 * the whole document (then run the full analysis). `text` must be the text the core reads
 * (after any masking the caller applies).
 */
export function spliceAnalysis(previous: DocumentAnalysis, text: TextReader, change: TextChange, options: SpliceOptions = {}): DocumentAnalysis | undefined {
  return spliceFindingsFirst(previous, text, change, options)?.settle();
}

/** A splice in two steps: its findings at once, the rest of the analysis when settled. */
export interface SettlingSplice {
  /** The new analysis's findings, final. */
  findings: Finding[];
  /** Completes the splice (moves every later offset, merges entities): call it once,
   * before anything else reads `previous` or the new analysis. */
  settle(): DocumentAnalysis;
}

/**
 * spliceAnalysis, settled later: what the diagnostics need (the findings) is ready first,
 * so an editor gets them before the bulk of the work (moving tens of thousands of later
 * offsets) is done. Nothing may read `previous` until the splice is settled.
 */
export function spliceFindingsFirst(previous: DocumentAnalysis, text: TextReader, change: TextChange, options: SpliceOptions = {}): SettlingSplice | undefined {
  let spliced: SettlingSplice | undefined;
  try {
    spliced = splice(previous, text, change, options.contextBefore ?? CONTEXT_BEFORE, options.contextAfter ?? CONTEXT_AFTER, options.reuse === true);
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
  if (!spliced) return undefined;
  let settled: DocumentAnalysis | undefined;
  const settle = spliced.settle;
  return { findings: spliced.findings, settle: () => (settled ??= settle()) };
}

function splice(previous: DocumentAnalysis, text: TextReader, change: TextChange, before: number, after: number, reuse: boolean): SettlingSplice | undefined {
  const delta = change.newEnd - change.oldEnd;
  if (previous.length + delta !== text.length) return undefined;
  const oldParagraphs = previous.structure.paragraphs;
  const n = oldParagraphs.length;
  // Not analysed (too large, binary): nothing to splice into.
  if (n === 0 || previous.findings.some((f) => f.code === 'document-too-large' || f.code === 'binary-content')) return undefined;
  if (hasControlCharacters(text, change.start, change.newEnd)) return undefined;

  // The edited paragraphs: the one the change starts in (or follows) to the one it ends in
  // (or precedes), so a change in the gap between two takes both (it may join them).
  const first = Math.max(0, findByOffset(oldParagraphs, change.start));
  const last = Math.max(first, Math.min(n - 1, firstEndingAtOrAfter(oldParagraphs, change.oldEnd)));
  const lo = first - before;
  const hi = last + after;
  let lastBody = n - 1;
  while (lastBody >= 0 && oldParagraphs[lastBody].kind === 'boilerplate') lastBody--;
  if (lo < HEADER_PARAGRAPHS || hi >= lastBody) return undefined;
  for (let p = lo; p <= hi; p++) if (oldParagraphs[p].kind !== 'body') return undefined;

  const windowStart = oldParagraphs[lo].span.start;
  const windowEnd = oldParagraphs[hi].span.end + delta;
  if (change.start < windowStart || change.newEnd > windowEnd) return undefined;
  const windowText = text.slice(windowStart, windowEnd);
  // splitBlocks reads a text without any blank line one paragraph per line: the window
  // must be read the way the whole text is.
  if (hasBlankLine(windowText) !== hasBlankLine(text)) return undefined;
  if (windowText.indexOf('\u0000') >= 0) return undefined;

  const win = analyzeWindow(windowText);
  const wp = win.paragraphs;
  if (wp.length < before + after) return undefined;
  // The context paragraphs must read as they did (same spans).
  for (let k = 0; k < before; k++) {
    const o = oldParagraphs[lo + k].span;
    if (wp[k].span.start + windowStart !== o.start || wp[k].span.end + windowStart !== o.end) return undefined;
  }
  for (let k = 0; k < after; k++) {
    const o = oldParagraphs[hi - k].span;
    const w = wp[wp.length - 1 - k].span;
    if (w.start + windowStart !== o.start + delta || w.end + windowStart !== o.end + delta) return undefined;
  }

  // Replaced region: from the end of the last context paragraph before to the start of the
  // last (look-ahead) paragraph of the window. Old items there go; window items there come.
  const regionStart = oldParagraphs[lo + before - 1].span.end;
  const oldRegionEnd = oldParagraphs[hi].span.start;
  const shift = new Shift(regionStart, oldRegionEnd, oldRegionEnd + delta);
  const windowRegion: Span = { start: regionStart - windowStart, end: oldRegionEnd + delta - windowStart };
  const inWindowRegion = (s: Span) => s.start >= windowRegion.start && s.end <= windowRegion.end;
  const outsideWindowRegion = (s: Span) => s.end <= windowRegion.start || s.start >= windowRegion.end;
  const paragraphDelta = wp.length - (hi - lo + 1);

  // ---- every check that can give up comes first: nothing is moved before they pass ----
  const longest = longestSpans(previous);
  const sentenceParts = spliceList(previous.sentences, win.sentences, shift, inWindowRegion, outsideWindowRegion, longest.sentences);
  const figureParts = spliceList(previous.figures, win.figures, shift, inWindowRegion, outsideWindowRegion, longest.figures);
  const quoteParts = spliceList(previous.quotes, win.quotes, shift, inWindowRegion, outsideWindowRegion, longest.quotes);
  const claimParts = spliceList(previous.claims, win.claims, shift, inWindowRegion, outsideWindowRegion, longest.claims);
  const findingParts = spliceList(previous.findings, win.findings, shift, inWindowRegion, outsideWindowRegion, longest.findings);
  // A kept item whose source lies in the replaced region would point at changed text. A
  // source starts at most `reach` before its item: items from oldTo + reach on need no look.
  const reach = referenceReach(previous);
  const lookUntil = shift.oldTo + reach;
  const sourceOutside = (item: { span: Span; source?: Source }) => {
    const s = item.source;
    if (s && ((s.span && !shift.outside(s.span)) || (s.cueSpan && !shift.outside(s.cueSpan)))) throw new Bail();
  };
  for (const parts of [figureParts, quoteParts, claimParts] as Parts<{ span: Span; source?: Source }>[]) {
    for (let k = parts.firstAfter; k < parts.list.length && parts.list[k].span.start < lookUntil; k++) sourceOutside(parts.list[k]);
  }
  for (let k = findingParts.firstAfter; k < findingParts.list.length && findingParts.list[k].span.start < lookUntil; k++) {
    if (findingParts.list[k].related?.some((r) => !shift.outside(r.span))) throw new Bail();
  }
  for (const e of previous.entities) {
    const mentions = e.mentions;
    for (let k = firstEndingAfter(mentions, shift.from); k < mentions.length && mentions[k].start < shift.oldTo; k++) {
      const m = mentions[k];
      if (m.start < shift.from || m.end > shift.oldTo) throw new Bail();
    }
  }
  for (const m of win.mentions) if (!inWindowRegion(m.span) && !outsideWindowRegion(m.span)) throw new Bail();

  const shiftOffset = (offset: number) => (offset >= shift.oldTo ? offset + delta : offset);
  const oldFigureMap = new Map<string, string>();

  // ---- ids: renamed in place on the window's copies and the later items ----
  // Window copies get document offsets now and their sources when the splice settles.
  const windowFigures: Figure[] = figureParts.window.map((f) => ({ ...f, span: offsetSpan(f.span, windowStart) }));
  const afterFigures = afterCopies(figureParts, reuse);
  const figureIdMaps = renumberFigures(figureParts, windowFigures, afterFigures);
  for (const [old, id] of figureIdMaps.previous) oldFigureMap.set(old, id);
  const windowQuotes: Quote[] = quoteParts.window.map((q) => ({ ...q, span: offsetSpan(q.span, windowStart), content: offsetSpan(q.content, windowStart) }));
  const afterQuotes = afterCopies(quoteParts, reuse);
  const quoteIdMaps = renumber('q', quoteParts, windowQuotes, afterQuotes);

  // ---- findings: complete now (the diagnostics need only them) ----
  // Their later spans are shifted copies, never moved in place: the spans they share with
  // figures move when the splice settles.
  const windowFindings: Finding[] = [];
  // Quotations flagged as unattributed before the edit, in new offsets (through the change).
  const mapThroughChange = (offset: number) => (offset <= change.start ? offset : offset >= change.oldEnd ? offset + delta : change.start);
  const flaggedBefore: Span[] = [];
  for (let k = findingParts.firstInside; k < findingParts.firstAfter; k++) {
    const f = findingParts.list[k];
    if (f.code === 'unattributed-quote') flaggedBefore.push({ start: mapThroughChange(f.span.start), end: mapThroughChange(f.span.end) });
  }
  for (const f of findingParts.window) {
    // A quotation without a speaker in the window may have one named before it: a new
    // such finding waits for the full analysis (a false alarm costs more than a delay);
    // one flagged before the edit stays flagged.
    if (f.code === 'unattributed-quote') {
      const start = f.span.start + windowStart;
      const end = f.span.end + windowStart;
      if (!flaggedBefore.some((s) => s.start <= end && start <= s.end)) continue;
    }
    windowFindings.push(
      mapFinding(f, (s) => offsetSpan(s, windowStart), (o) => o + windowStart, figureIdMaps.window, quoteIdMaps.window, (p) => p + lo),
    );
  }
  const shiftedCopy = (s: Span) => shift.span(s);
  const afterFindings = afterRun(findingParts.list, findingParts.firstAfter, reuse, (f) =>
    mapFinding(f, shiftedCopy, shiftOffset, oldFigureMap, quoteIdMaps.previous, (p) => p + paragraphDelta, reuse),
  );
  const findings = assembleParts(findingParts, windowFindings, afterFindings, reuse);

  // ---- the rest, when the splice settles: every later offset moves ----
  const settle = (): DocumentAnalysis => {
    /** A previous span after the region, shifted: in place when reusing, else as a copy.
     * Spans before the region stay as they are. Items share span objects (a quotation and
     * its claim, a figure and its source), so a span moved in place is marked until the end
     * by a negative start (-start - 1; cheaper than a set of tens of thousands of objects). */
    let moved = 0;
    const moveSpan = (s: Span): Span => {
      if (s.end <= shift.from || delta === 0) return s;
      if (!reuse) return shift.span(s);
      if (s.start < 0) return s;
      s.start = -(s.start >= shift.oldTo ? s.start + delta : s.start) - 1;
      s.end += delta;
      movedSpans[moved++] = s;
      return s;
    };

    // ---- entities: window entities merge into the document's by name ----
    const entityMap = mergeEntities(text, previous.entities, win, shift, moveSpan, windowStart, inWindowRegion);

    // ---- sources, shared between quotes, figures and claims ----
    const windowNames = new Map(win.entities.map((e) => [e.id, e.name]));
    const windowSources = new Map<Source, Source>();
    const windowSource = (s: Source | undefined): Source | undefined => {
      if (!s) return undefined;
      let out = windowSources.get(s);
      if (!out) {
        out = { ...s };
        if (s.entity !== undefined) {
          const mapped = entityMap.get(s.entity);
          if (mapped === undefined) delete out.entity;
          else {
            out.entity = mapped;
            // A continued source is written as its entity's canonical name (attribution.ts).
            if (s.how === 'continuation' && s.text === windowNames.get(s.entity)) out.text = entityMap.nameOf(mapped) ?? s.text;
          }
        }
        if (s.span) out.span = offsetSpan(s.span, windowStart);
        if (s.cueSpan) out.cueSpan = offsetSpan(s.cueSpan, windowStart);
        windowSources.set(s, out);
      }
      return out;
    };
    const oldSources = new Map<Source, Source>();
    const oldSource = (s: Source | undefined): Source | undefined => {
      if (!s) return undefined;
      if (reuse) {
        if (s.span) s.span = moveSpan(s.span);
        if (s.cueSpan) s.cueSpan = moveSpan(s.cueSpan);
        return s;
      }
      let out = oldSources.get(s);
      if (!out) {
        if (shift.delta === 0 || ((!s.span || shift.before(s.span)) && (!s.cueSpan || shift.before(s.cueSpan)))) out = s;
        else {
          out = { ...s };
          if (s.span) out.span = shift.span(s.span);
          if (s.cueSpan) out.cueSpan = shift.span(s.cueSpan);
        }
        oldSources.set(s, out);
      }
      return out;
    };

    // ---- structure and sentences ----
    // Later items are moved in place (reuse) or copied; each list is put together at the end.
    const windowParagraphs: Paragraph[] = wp.map((p) => ({ span: offsetSpan(p.span, windowStart), kind: 'body' }));
    const afterParagraphs = afterRun(oldParagraphs, hi + 1, reuse, (paragraph) => {
      if (!reuse) return { ...paragraph, span: moveSpan(paragraph.span) };
      paragraph.span = moveSpan(paragraph.span);
      return paragraph;
    });
    const boilerplate = previous.structure.boilerplate.map(moveSpan);

    const windowSentences: Sentence[] = sentenceParts.window.map((s) => ({ span: offsetSpan(s.span, windowStart), paragraph: s.paragraph + lo }));
    const afterSentences = afterRun(sentenceParts.list, sentenceParts.firstAfter, reuse, (s) => {
      if (!reuse) return { ...s, span: moveSpan(s.span), paragraph: s.paragraph + paragraphDelta };
      s.span = moveSpan(s.span);
      s.paragraph += paragraphDelta;
      return s;
    });

    // ---- figures and quotes (ids given above) ----
    windowFigures.forEach((out, k) => {
      const source = windowSource(figureParts.window[k].source);
      if (source) out.source = source;
    });
    moveRun(afterFigures, (f) => {
      f.span = moveSpan(f.span);
      const source = oldSource(f.source);
      if (source) f.source = source;
    });
    windowQuotes.forEach((out, k) => {
      const source = windowSource(quoteParts.window[k].source);
      if (source) out.source = source;
    });
    moveRun(afterQuotes, (q) => {
      q.span = moveSpan(q.span);
      q.content = moveSpan(q.content);
      const source = oldSource(q.source);
      if (source) q.source = source;
    });

    // ---- claims ----
    const windowClaims: Claim[] = [];
    for (const c of claimParts.window) {
      const out: Claim = {
        ...c,
        span: offsetSpan(c.span, windowStart),
        figures: c.figures.map((id) => figureIdMaps.window.get(id) ?? id),
        entities: uniqueMapped(c.entities, entityMap),
      };
      const source = windowSource(c.source);
      if (source) out.source = source;
      windowClaims.push(out);
    }
    const afterClaims = afterRun(claimParts.list, claimParts.firstAfter, reuse, (c) => {
      const out = reuse ? c : { ...c };
      out.span = moveSpan(c.span);
      // Only a claim that cites a renumbered figure gets a new list (most cite none of them).
      if (oldFigureMap.size > 0 && c.figures.length > 0 && c.figures.some((id) => oldFigureMap.has(id))) out.figures = c.figures.map((id) => oldFigureMap.get(id) ?? id);
      const source = oldSource(c.source);
      if (source) out.source = source;
      return out;
    });
    renumber('c', claimParts, windowClaims, afterClaims);

    const entities = entityMap.entities;
    for (let k = 0; k < moved; k++) {
      const span = movedSpans[k];
      span.start = -span.start - 1;
    }
    // Each list: the items before the region, the window's, the later ones. Reusing, the
    // previous list itself becomes the new one (its later items are already in place).
    const paragraphs = assemble(oldParagraphs, lo, hi + 1, windowParagraphs, afterParagraphs, reuse);
    const structure = { ...previous.structure, paragraphs, boilerplate };
    const sentences = assembleParts(sentenceParts, windowSentences, afterSentences, reuse);
    const figures = assembleParts(figureParts, windowFigures, afterFigures, reuse);
    const quotes = assembleParts(quoteParts, windowQuotes, afterQuotes, reuse);
    const claims = assembleParts(claimParts, windowClaims, afterClaims, reuse);
    const result: DocumentAnalysis = { schemaVersion: 1, length: text.length, structure, sentences, entities, quotes, figures, claims, findings };
    // Later items keep their distance to their sources unless the region lies between them.
    let resultReach = reach + Math.max(0, delta);
    for (const item of [...windowFigures, ...windowQuotes, ...windowClaims]) resultReach = Math.max(resultReach, itemReach(item));
    for (const f of windowFindings) resultReach = Math.max(resultReach, findingReach(f));
    reaches.set(result, resultReach);
    // Kept items keep their lengths (none spans the region): only the window's can be longer.
    spanLengths.set(result, {
      sentences: Math.max(longest.sentences, longestOf(windowSentences)),
      figures: Math.max(longest.figures, longestOf(windowFigures)),
      quotes: Math.max(longest.quotes, longestOf(windowQuotes)),
      claims: Math.max(longest.claims, longestOf(windowClaims)),
      findings: Math.max(longest.findings, longestOf(windowFindings)),
    });
    return result;
  };
  return { findings, settle };
}

/** Later items of a list (from `from` on), as the splice keeps them: moved in place when
 * reusing (then the list itself, read from `from`), else copies in a new list (from 0). */
interface AfterRun<T> {
  items: T[];
  from: number;
}

/** The later items of a list as the splice will keep them, not moved yet: the list itself
 * when reusing, else shallow copies. */
function afterCopies<T extends object>(parts: Parts<T>, reuse: boolean): AfterRun<T> {
  if (reuse) return { items: parts.list, from: parts.firstAfter };
  const items: T[] = new Array(parts.list.length - parts.firstAfter);
  for (let k = parts.firstAfter; k < parts.list.length; k++) items[k - parts.firstAfter] = { ...parts.list[k] };
  return { items, from: 0 };
}

function moveRun<T>(run: AfterRun<T>, move: (item: T) => void): void {
  for (let k = run.from; k < run.items.length; k++) move(run.items[k]);
}

function afterRun<T>(list: T[], from: number, reuse: boolean, move: (item: T) => T): AfterRun<T> {
  if (reuse) {
    for (let k = from; k < list.length; k++) move(list[k]);
    return { items: list, from };
  }
  const items: T[] = new Array(list.length - from);
  for (let k = from; k < list.length; k++) items[k - from] = move(list[k]);
  return { items, from: 0 };
}

/** list[0, cut) + window + the later items; reusing, `list` itself, its [cut, resume)
 * replaced by the window's items. */
function assemble<T>(list: T[], cut: number, resume: number, window: T[], after: AfterRun<T>, reuse: boolean): T[] {
  if (reuse && window.length <= 4096) {
    list.splice(cut, resume - cut, ...window);
    return list;
  }
  const out = list.slice(0, cut);
  for (const item of window) out.push(item);
  const items = after.items;
  for (let k = after.from; k < items.length; k++) out.push(items[k]);
  return out;
}

function assembleParts<T>(parts: Parts<T>, window: T[], after: AfterRun<T>, reuse: boolean): T[] {
  return assemble(parts.list, parts.firstInside, parts.firstAfter, window, after, reuse);
}

/** How far before each item its source, cue or related spans may start, at most (see
 * splice: later items past it cannot point into the replaced region). Worked out once per
 * full analysis; a splice's result carries an upper bound. */
const reaches = new WeakMap<DocumentAnalysis, number>();

function itemReach(item: { span: Span; source?: Source }): number {
  const s = item.source;
  if (!s) return 0;
  let reach = 0;
  if (s.span) reach = Math.max(reach, item.span.start - s.span.start);
  if (s.cueSpan) reach = Math.max(reach, item.span.start - s.cueSpan.start);
  return reach;
}

function findingReach(f: Finding): number {
  let reach = 0;
  if (f.related) for (const r of f.related) reach = Math.max(reach, f.span.start - r.span.start);
  return reach;
}

/** The longest span of each list, per analysis (see spliceList). */
interface LongestSpans {
  sentences: number;
  figures: number;
  quotes: number;
  claims: number;
  findings: number;
}

const spanLengths = new WeakMap<DocumentAnalysis, LongestSpans>();

function longestOf(items: readonly { span: Span }[]): number {
  let longest = 0;
  for (const item of items) longest = Math.max(longest, item.span.end - item.span.start);
  return longest;
}

function longestSpans(analysis: DocumentAnalysis): LongestSpans {
  let longest = spanLengths.get(analysis);
  if (!longest) {
    longest = {
      sentences: longestOf(analysis.sentences),
      figures: longestOf(analysis.figures),
      quotes: longestOf(analysis.quotes),
      claims: longestOf(analysis.claims),
      findings: longestOf(analysis.findings),
    };
    spanLengths.set(analysis, longest);
  }
  return longest;
}

function referenceReach(analysis: DocumentAnalysis): number {
  let reach = reaches.get(analysis);
  if (reach !== undefined) return reach;
  reach = 0;
  for (const f of analysis.figures) reach = Math.max(reach, itemReach(f));
  for (const q of analysis.quotes) reach = Math.max(reach, itemReach(q));
  for (const c of analysis.claims) reach = Math.max(reach, itemReach(c));
  for (const f of analysis.findings) reach = Math.max(reach, findingReach(f));
  reaches.set(analysis, reach);
  return reach;
}

/** The first span (of spans sorted by start, none inside another's start order broken)
 * whose end is past `offset`: mentions ending at or before it come first. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function offsetSpan(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

interface Parts<T> {
  /** The previous list: items before the replaced region are [0, firstInside), those
   * inside it (gone) [firstInside, firstAfter), those after it (old offsets and ids) the rest. */
  list: T[];
  firstInside: number;
  firstAfter: number;
  /** Window items inside it (window offsets and ids). */
  window: T[];
}

/** Splits the previous items (sorted by start) around the replaced region and picks the
 * window's items inside it; an item across either edge means the window cannot stand in. */
function spliceList<T extends { span: Span }>(
  previous: T[],
  window: readonly T[],
  shift: Shift,
  inWindowRegion: (s: Span) => boolean,
  outsideWindowRegion: (s: Span) => boolean,
  /** No item of `previous` is longer: those starting this far before the region end before it. */
  longest: number,
): Parts<T> {
  const firstInside = firstStartingAt(previous, shift.from);
  for (let k = firstStartingAt(previous, shift.from - longest); k < firstInside; k++) if (previous[k].span.end > shift.from) throw new Bail();
  let firstAfter = firstInside;
  while (firstAfter < previous.length && previous[firstAfter].span.start < shift.oldTo) {
    if (previous[firstAfter].span.end > shift.oldTo) throw new Bail();
    firstAfter++;
  }
  const inside: T[] = [];
  for (const item of window) {
    if (inWindowRegion(item.span)) inside.push(item);
    else if (!outsideWindowRegion(item.span)) throw new Bail();
  }
  return { list: previous, firstInside, firstAfter, window: inside };
}

interface IdMaps {
  /** Window-local ids to document ids. */
  window: Map<string, string>;
  /** Previous ids of later items to their new ids (only those that changed). */
  previous: Map<string, string>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * IdMaker ids ("prefix-hash" then "prefix-hash-n" for the n-th repeat) over the spliced
 * list. Only a text whose count in the replaced region changed renumbers its later
 * repeats; the others take the replaced items' ids in order. `windowItems` and
 * `afterItems` are the spliced copies, renamed in place.
 */
function renumber(prefix: string, parts: Parts<{ id: string }>, windowItems: Array<{ id: string }>, after: AfterRun<{ id: string }>): IdMaps {
  const hashStart = prefix.length + 1;
  const hashOf = (id: string) => id.slice(hashStart, hashStart + 8);
  const make = (h: string, n: number) => `${prefix}-${h}${n > 0 ? `-${n}` : ''}`;
  const oldByHash = new Map<string, string[]>();
  for (let k = parts.firstInside; k < parts.firstAfter; k++) pushTo(oldByHash, hashOf(parts.list[k].id), parts.list[k].id);
  const newByHash = new Map<string, number[]>();
  windowItems.forEach((item, k) => pushTo(newByHash, hashOf(item.id), k));
  const maps: IdMaps = { window: new Map(), previous: new Map() };
  const affected = new Map<string, number>();
  for (const [h, ks] of newByHash) {
    const olds = oldByHash.get(h) ?? [];
    if (olds.length === ks.length) ks.forEach((k, i) => rename(windowItems, k, olds[i], maps.window));
    else affected.set(h, 0);
  }
  for (const h of oldByHash.keys()) if (!newByHash.has(h)) affected.set(h, 0);
  if (affected.size === 0) return maps;
  // The hash of each earlier and later id, found without slicing it out when few hashes
  // are affected (the usual edit: one sentence's worth).
  const few = affected.size <= 4 ? [...affected.keys()] : undefined;
  const affectedHashOf = (id: string): string | undefined => {
    if (!few) return hashOf(id);
    for (const h of few) if (id.startsWith(h, hashStart) && (h.length === 8 || id.length === hashStart + h.length)) return h;
    return undefined;
  };
  for (let k = 0; k < parts.firstInside; k++) {
    const h = affectedHashOf(parts.list[k].id);
    if (h === undefined) continue;
    const count = affected.get(h);
    if (count !== undefined) affected.set(h, count + 1);
  }
  for (const [h, ks] of newByHash) {
    if (!affected.has(h)) continue;
    const count = affected.get(h)!;
    ks.forEach((k, i) => rename(windowItems, k, make(h, count + i), maps.window));
    affected.set(h, count + ks.length);
  }
  const afterItems = after.items;
  for (let k = after.from; k < afterItems.length; k++) {
    const h = affectedHashOf(afterItems[k].id);
    if (h === undefined) continue;
    const count = affected.get(h);
    if (count === undefined) continue;
    affected.set(h, count + 1);
    rename(afterItems, k, make(h, count), maps.previous);
  }
  return maps;
}

function rename(items: Array<{ id: string }>, k: number, id: string, map: Map<string, string>): void {
  const old = items[k].id;
  map.set(old, id);
  if (old !== id) items[k].id = id;
}

/**
 * Figure ids as findFigures makes them: kind, normalised text and the occurrence index of
 * that pair. Only a (kind, text) whose count in the replaced region changed renumbers its
 * later occurrences, found through their ids (occurrence 0, 1, 2… of the pair).
 */
function renumberFigures(parts: Parts<Figure>, windowFigures: Figure[], after: AfterRun<Figure>): IdMaps {
  const keyOf = (f: Figure) => `${f.kind}\u0000${normalisedFigureText(f.text)}`;
  const oldByKey = new Map<string, string[]>();
  for (let k = parts.firstInside; k < parts.firstAfter; k++) pushTo(oldByKey, keyOf(parts.list[k]), parts.list[k].id);
  const newByKey = new Map<string, number[]>();
  windowFigures.forEach((f, k) => pushTo(newByKey, keyOf(f), k));
  const maps: IdMaps = { window: new Map(), previous: new Map() };
  const affected: string[] = [];
  for (const [key, ks] of newByKey) {
    const olds = oldByKey.get(key) ?? [];
    if (olds.length === ks.length) ks.forEach((k, i) => rename(windowFigures, k, olds[i], maps.window));
    else affected.push(key);
  }
  for (const key of oldByKey.keys()) if (!newByKey.has(key)) affected.push(key);
  if (affected.length === 0) return maps;
  // Count the affected pairs before the region and find them after it; the kind and the
  // length of the text (normalising only shortens a text that is not plain) rule out most
  // figures without normalising them.
  const lengths = new Set<number>();
  const kinds = new Set<string>();
  for (const key of affected) {
    const cut = key.indexOf('\u0000');
    kinds.add(key.slice(0, cut));
    lengths.add(key.length - cut - 1);
  }
  const maybe = (f: Figure) => kinds.has(f.kind) && (lengths.has(f.text.length) || !plainFigureText(f.text));
  const counts = new Map<string, number>(affected.map((key) => [key, 0]));
  for (let k = 0; k < parts.firstInside; k++) {
    const f = parts.list[k];
    if (!maybe(f)) continue;
    const key = keyOf(f);
    const count = counts.get(key);
    if (count !== undefined) counts.set(key, count + 1);
  }
  const laterByKey = new Map<string, number[]>();
  const afterFigures = after.items;
  for (let k = after.from; k < afterFigures.length; k++) {
    const f = afterFigures[k];
    if (maybe(f) && counts.has(keyOf(f))) pushTo(laterByKey, keyOf(f), k);
  }
  for (const key of affected) {
    const cut = key.indexOf('\u0000');
    const kind = key.slice(0, cut);
    const normalised = key.slice(cut + 1);
    const idOf = (n: number) => `fig-${figureIdHash(kind, normalised, n)}`;
    const before = counts.get(key)!;
    const later = laterByKey.get(key) ?? [];
    const ks = newByKey.get(key) ?? [];
    ks.forEach((k, i) => rename(windowFigures, k, idOf(before + i), maps.window));
    later.forEach((k, i) => rename(afterFigures, k, idOf(before + ks.length + i), maps.previous));
  }
  for (const [old, id] of maps.previous) if (old === id) maps.previous.delete(old);
  return maps;
}

/** Figure texts repeat ("40 per cent", "$3 billion"), and every splice that renumbers
 * figures asks about thousands of them: what each text normalises to is kept, up to a bound. */
const PER_TEXT_LIMIT = 65_536;
const plainByText = new Map<string, boolean>();
const normalisedByText = new Map<string, string>();

function plainFigureText(text: string): boolean {
  let plain = plainByText.get(text);
  if (plain === undefined) {
    if (plainByText.size >= PER_TEXT_LIMIT) plainByText.clear();
    plain = isPlainFigureText(text);
    plainByText.set(text, plain);
  }
  return plain;
}

function normalisedFigureText(text: string): string {
  let normalised = normalisedByText.get(text);
  if (normalised === undefined) {
    if (normalisedByText.size >= PER_TEXT_LIMIT) normalisedByText.clear();
    normalised = normaliseFigureText(text);
    normalisedByText.set(text, normalised);
  }
  return normalised;
}

function uniqueMapped(ids: readonly string[], map: EntityMap): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const mapped = map.get(id);
    if (mapped !== undefined && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}

function mapFinding(
  f: Finding,
  span: (s: Span) => Span,
  offset: (o: number) => number,
  figureIds: ReadonlyMap<string, string>,
  quoteIds: ReadonlyMap<string, string>,
  paragraph: (p: number) => number,
  inPlace = false,
): Finding {
  const out: Finding = inPlace ? f : { ...f };
  out.span = span(f.span);
  if (f.related) out.related = inPlace ? f.related.map((r) => Object.assign(r, { span: span(r.span) })) : f.related.map((r) => ({ ...r, span: span(r.span) }));
  if (f.data) {
    const data = inPlace ? f.data : { ...f.data };
    if (typeof data.figureId === 'string') data.figureId = figureIds.get(data.figureId) ?? data.figureId;
    if (typeof data.quoteId === 'string') data.quoteId = quoteIds.get(data.quoteId) ?? data.quoteId;
    if (typeof data.sentenceStart === 'number') data.sentenceStart = offset(data.sentenceStart);
    if (typeof data.sentenceEnd === 'number') data.sentenceEnd = offset(data.sentenceEnd);
    if (f.code === 'unbalanced-quote' && typeof data.paragraph === 'number') data.paragraph = paragraph(data.paragraph);
    out.data = data;
  }
  return out;
}

/** Window entity ids to document entity ids, and the spliced entity list. */
interface EntityMap {
  get(windowId: string): string | undefined;
  /** Canonical name of a document entity. */
  nameOf(id: string): string | undefined;
  entities: Entity[];
}

/**
 * The document's entities with their mentions in the replaced region dropped (later ones
 * shifted) and the window's mentions there added: a window entity joins the document
 * entity it names (same name or alias, or a surname of exactly one person), else it is new.
 * Document-level choices (canonical name, kind) stay as they were until the full analysis.
 */
function mergeEntities(
  text: TextReader,
  previous: readonly Entity[],
  win: WindowAnalysis,
  shift: Shift,
  moveSpan: (s: Span) => Span,
  windowStart: number,
  inWindowRegion: (s: Span) => boolean,
): EntityMap {
  interface Building {
    entity: Entity;
    /** Mentions before the region, in the region (from the window) and after it (moved:
     * while splicing, a moved span's start may be marked negative, so these are never
     * compared by start; they are in order already). */
    before: Span[];
    window: Span[];
    after: Span[];
    /** Some previous mentions were in the region. */
    dropped: boolean;
    role?: string;
    order: number;
  }
  const firstStart = (b: Building) => (b.before.length > 0 ? b.before[0].start : b.window.length > 0 ? b.window[0].start : realStart(b.after[0]));
  const count = (b: Building) => b.before.length + b.window.length + b.after.length;
  const building: Building[] = [];
  const byId = new Map<string, Building>();
  const byName = new Map<string, Building[]>();
  const bySurname = new Map<string, Building[]>();
  const index = (map: Map<string, Building[]>, key: string, b: Building) => {
    const list = map.get(key);
    if (list) list.push(b);
    else map.set(key, [b]);
  };
  for (const e of previous) {
    // Mentions are sorted: keep those before the region, shift those after it.
    const all = e.mentions;
    const cut = firstEndingAfter(all, shift.from);
    const after: Span[] = [];
    let dropped = false;
    for (let k = cut; k < all.length; k++) {
      const m = all[k];
      if (m.start >= shift.oldTo) after.push(moveSpan(m));
      else if (m.start < shift.from || m.end > shift.oldTo) throw new Bail();
      else dropped = true;
    }
    const b: Building = { entity: e, before: cut === all.length ? all : all.slice(0, cut), window: [], after, dropped, order: building.length };
    building.push(b);
    byId.set(e.id, b);
    index(byName, e.name, b);
    for (const a of e.aliases) index(byName, a, b);
    if (e.kind === 'person') {
      const space = e.name.lastIndexOf(' ');
      if (space > 0) index(bySurname, e.name.slice(space + 1), b);
    }
  }

  const mapping = new Map<string, string>();
  const windowMentions = new Map<string, Span[]>();
  for (const m of win.mentions) {
    if (inWindowRegion(m.span)) {
      const list = windowMentions.get(m.entity);
      if (list) list.push(offsetSpan(m.span, windowStart));
      else windowMentions.set(m.entity, [offsetSpan(m.span, windowStart)]);
    }
  }
  for (const w of win.entities) {
    const target = pickTarget(w, byName, bySurname);
    const spans = windowMentions.get(w.id) ?? [];
    if (target) {
      mapping.set(w.id, target.entity.id);
      if (spans.length === 0) continue;
      target.window.push(...spans);
      if (!target.entity.role && w.role) target.role = w.role;
      continue;
    }
    if (spans.length === 0) continue;
    // A new entity: its window id, unless a document entity holds it already.
    let id = w.id;
    for (let k = 2; byId.has(id); k++) id = `${w.id}-${k}`;
    const entity: Entity = { ...w, id, mentions: [] };
    const b: Building = { entity, before: [], window: spans, after: [], dropped: false, order: building.length };
    building.push(b);
    byId.set(id, b);
    index(byName, w.name, b);
    mapping.set(w.id, id);
  }

  // Document entities keep their order (the full analysis orders them by the first
  // mention it met); a new one goes before the first entity first mentioned after it.
  const kept: Building[] = [];
  const added: Building[] = [];
  for (const b of building) {
    if (count(b) === 0) continue;
    if (b.window.length > 1) b.window.sort((x, y) => x.start - y.start);
    (b.order < previous.length ? kept : added).push(b);
  }
  const ordered: Building[] = [];
  let k = 0;
  for (const b of added) {
    while (k < kept.length && firstStart(kept[k]) <= firstStart(b)) ordered.push(kept[k++]);
    ordered.push(b);
  }
  while (k < kept.length) ordered.push(kept[k++]);
  const entities = ordered.map((b) => {
    const e = b.entity;
    const sameMentions = b.window.length === 0 && !b.dropped;
    // Only shifted: the same entity (its spans moved in place), or a copy with the copies.
    if (sameMentions && b.role === undefined) {
      if (b.after.length === 0 || b.after[0] === e.mentions[b.before.length]) return e;
      return { ...e, mentions: b.before.concat(b.after) };
    }
    const mentions = b.before.concat(b.window, b.after);
    const out: Entity = { ...e, mentions };
    if (!sameMentions) {
      // Aliases are the other surface forms of its mentions.
      const surfaces = new Set<string>();
      for (const m of mentions) surfaces.add(text.slice(realStart(m), m.end));
      surfaces.delete(e.name);
      out.aliases = [...surfaces].sort();
    }
    if (b.role !== undefined) out.role = b.role;
    return out;
  });
  // Mentions of a dropped document entity point nowhere: map them away.
  const liveIds = new Map(entities.map((e) => [e.id, e.name]));
  return {
    nameOf: (id) => liveIds.get(id),
    get: (windowId) => {
      const id = mapping.get(windowId);
      return id !== undefined && liveIds.has(id) ? id : undefined;
    },
    entities,
  };
}

/** A span's start, also while it is marked as moved (see moveSpan). */
function realStart(s: Span): number {
  return s.start < 0 ? -s.start - 1 : s.start;
}

function pickTarget<B extends { entity: Entity }>(w: Entity, byName: Map<string, B[]>, bySurname: Map<string, B[]>): B | undefined {
  const candidates = new Set<B>();
  for (const name of [w.name, ...w.aliases]) for (const b of byName.get(name) ?? []) candidates.add(b);
  if (candidates.size === 0 && w.kind === 'person' && w.name.indexOf(' ') < 0) {
    const people = bySurname.get(w.name) ?? [];
    if (people.length === 1) return people[0];
  }
  if (candidates.size === 0) return undefined;
  const list = [...candidates];
  return list.find((b) => b.entity.kind === w.kind && b.entity.name === w.name) ?? list.find((b) => b.entity.kind === w.kind) ?? list[0];
}
