// JSON-RPC message encoding for the server's stream transport. The same bytes as
// vscode-jsonrpc's own encoder (JSON.stringify, then UTF-8), made faster for the one large
// message sent on every edit: a document's diagnostics. A diagnostic made by toDiagnostics
// carries its members after `range`, encoded once per finding and reused while the finding
// stays the same; only its range is written anew. frameMessage puts the transport's header
// in the same buffer (one write per message). Pure, except for the bytes cached on the
// objects.
import type { Range } from './positions';

/** On a diagnostic: its members after `range`, and their encoding once asked for. */
export const ENCODED_REST = Symbol('claimlens.encodedRest');

export interface EncodedRest {
  /** The diagnostic's members after `range` but `data`, in order. */
  readonly members: object;
  /** Its `data`, the last member, if any: an edit may change it alone (shifted offsets). */
  readonly data?: object;
  /** UTF-8 of JSON.stringify(members) without its braces: `"severity":…`. */
  bytes?: Buffer;
  /** `,"data":{…}}` or `}`. */
  end?: string;
  /** The last range written with these members, and its JSON. */
  range?: Range;
  rangeText?: string;
}

interface WithEncodedRest {
  range: Range;
  [ENCODED_REST]?: EncodedRest;
}

/** A diagnostic `{ range, ...members, data }` that encodes its members once. */
export function withEncodedRest<T extends object>(range: Range, rest: EncodedRest): { range: Range } & T {
  const diagnostic = Object.assign({ range }, rest.members) as { range: Range; data?: object } & T & WithEncodedRest;
  if (rest.data !== undefined) diagnostic.data = rest.data;
  // A symbol key: JSON.stringify never writes it.
  diagnostic[ENCODED_REST] = rest;
  return diagnostic;
}

const DIAGNOSTICS_METHOD = 'textDocument/publishDiagnostics';
/** Stands in for the diagnostics array while the rest of the message is stringified. */
const PLACEHOLDER = '\u0000claimlens-diagnostics\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

function rangeJson(range: Range): string {
  const { start, end } = range;
  return `{"range":{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}},`;
}

function encodedDiagnostics(message: unknown): WithEncodedRest[] | undefined {
  const m = message as { method?: unknown; params?: { diagnostics?: unknown } } | null;
  if (!m || m.method !== DIAGNOSTICS_METHOD || !m.params || !Array.isArray(m.params.diagnostics)) return undefined;
  const diagnostics = m.params.diagnostics as WithEncodedRest[];
  return diagnostics.length > 0 && diagnostics[0]?.[ENCODED_REST] !== undefined ? diagnostics : undefined;
}

/** The last diagnostics message of a document: its diagnostics and where each one's bytes
 * are. A spliced edit keeps the diagnostics before it (the same objects, never mutated):
 * the next message copies their bytes in one piece. */
interface LastDiagnostics {
  diagnostics: readonly WithEncodedRest[];
  bytes: Buffer;
  /** Byte offsets of each diagnostic's first byte and of the byte after it. */
  starts: Int32Array;
  ends: Int32Array;
}

const lastByUri = new Map<string, LastDiagnostics>();
/** Open documents whose last message is kept, at most (the oldest goes first). */
const LAST_MESSAGES = 8;

/** The message as UTF-8 JSON: byte for byte what JSON.stringify gives. */
export function encodeMessage(message: unknown): Buffer {
  return encode(message, false);
}

/** The message as the stream transport sends it: its `Content-Length` header and its JSON
 * in one buffer, so that it goes out in one write. vscode-jsonrpc's writer writes the
 * header, waits for that write to complete, then writes the JSON: the header alone wakes
 * the client, which cannot do anything with it, and on a busy machine the server often
 * loses its core right there, the client then waiting milliseconds for the rest. */
export function frameMessage(message: unknown): Buffer {
  return encode(message, true);
}

function header(bodyLength: number): string {
  return `Content-Length: ${bodyLength}\r\n\r\n`;
}

/** JSON of a message made elsewhere, framed or not. */
function plain(message: unknown, framed: boolean): Buffer {
  const json = JSON.stringify(message);
  if (!framed) return Buffer.from(json, 'utf8');
  const length = Buffer.byteLength(json, 'utf8');
  const head = header(length);
  const out = Buffer.allocUnsafe(head.length + length);
  const at = out.write(head, 0, 'latin1');
  out.write(json, at, 'utf8');
  return out;
}

function encode(message: unknown, framed: boolean): Buffer {
  const diagnostics = encodedDiagnostics(message);
  if (!diagnostics) {
    forgetEmptied(message);
    return plain(message, framed);
  }
  const m = message as { params: { uri?: unknown } };
  const shell = JSON.stringify({ ...m, params: { ...m.params, diagnostics: PLACEHOLDER } });
  const at = shell.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || shell.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return plain(message, framed);
  const head = Buffer.from(shell.slice(0, at) + '[', 'utf8');
  const tail = Buffer.from(']' + shell.slice(at + PLACEHOLDER_JSON.length), 'utf8');
  const uri = typeof m.params.uri === 'string' ? m.params.uri : undefined;
  const last = uri !== undefined ? lastByUri.get(uri) : undefined;
  // The leading diagnostics of the last message that are here again, the same objects.
  let kept = 0;
  if (last) {
    const limit = Math.min(diagnostics.length, last.diagnostics.length);
    while (kept < limit && diagnostics[kept] === last.diagnostics[kept] && diagnostics[kept][ENCODED_REST] !== undefined) kept++;
  }
  const keptBytes = kept > 0 ? last!.bytes.subarray(last!.starts[0], last!.ends[kept - 1]) : undefined;
  // Each further diagnostic: its range written now (ASCII: one character, one byte) and
  // its cached members, or, made elsewhere, the whole of it.
  const ranges: Array<string | undefined> = [];
  const bodies: Buffer[] = [];
  const ends: string[] = [];
  // The kept bytes hold the commas between the kept diagnostics.
  let length = head.length + tail.length + Math.max(0, diagnostics.length - 1) - Math.max(0, kept - 1) + (keptBytes?.length ?? 0);
  for (let k = kept; k < diagnostics.length; k++) {
    const diagnostic = diagnostics[k];
    const rest = diagnostic[ENCODED_REST];
    let body: Buffer;
    if (rest === undefined) {
      ranges.push(undefined);
      ends.push('');
      body = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    } else {
      rest.bytes ??= Buffer.from(JSON.stringify(rest.members).slice(1, -1), 'utf8');
      rest.end ??= rest.data !== undefined ? `,"data":${JSON.stringify(rest.data)}}` : '}';
      if (rest.range !== diagnostic.range) {
        rest.range = diagnostic.range;
        rest.rangeText = rangeJson(diagnostic.range);
      }
      const range = rest.rangeText!;
      ranges.push(range);
      ends.push(rest.end);
      body = rest.bytes;
      length += range.length + Buffer.byteLength(rest.end, 'utf8');
    }
    bodies.push(body);
    length += body.length;
  }
  const frame = framed ? header(length) : '';
  const out = Buffer.allocUnsafe(frame.length + length);
  const starts = new Int32Array(diagnostics.length);
  const diagnosticEnds = new Int32Array(diagnostics.length);
  let offset = out.write(frame, 0, 'latin1');
  offset += head.copy(out, offset);
  if (keptBytes) {
    const shift = offset - last!.starts[0];
    for (let k = 0; k < kept; k++) {
      starts[k] = last!.starts[k] + shift;
      diagnosticEnds[k] = last!.ends[k] + shift;
    }
    offset += keptBytes.copy(out, offset);
  }
  for (let j = 0; j < bodies.length; j++) {
    const k = kept + j;
    if (k > 0) out[offset++] = 0x2c; // ,
    starts[k] = offset;
    const range = ranges[j];
    if (range !== undefined) offset += out.write(range, offset, 'latin1');
    offset += bodies[j].copy(out, offset);
    if (ends[j].length > 0) offset += out.write(ends[j], offset, 'utf8');
    diagnosticEnds[k] = offset;
  }
  tail.copy(out, offset);
  if (uri !== undefined) {
    lastByUri.delete(uri);
    if (lastByUri.size >= LAST_MESSAGES) lastByUri.delete(lastByUri.keys().next().value!);
    lastByUri.set(uri, { diagnostics: diagnostics.slice(), bytes: out, starts, ends: diagnosticEnds });
  }
  return out;
}

/** A document's diagnostics sent some other way (none, once closed): its last message goes. */
function forgetEmptied(message: unknown): void {
  if (lastByUri.size === 0) return;
  const m = message as { method?: unknown; params?: { uri?: unknown } } | null;
  if (m?.method === DIAGNOSTICS_METHOD && typeof m.params?.uri === 'string') lastByUri.delete(m.params.uri);
}
