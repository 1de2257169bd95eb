// JSON-RPC message encoding for the server's stream transport. The same bytes as
// vscode-jsonrpc's own encoder (JSON.stringify, then UTF-8), made faster for the one large
// message sent on every edit: a document's diagnostics. A diagnostic made by toDiagnostics
// carries its members after `range`, encoded once per finding and reused while the finding
// stays the same; only its range is written anew. Pure, except for the bytes cached on the
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

/** The message as UTF-8 JSON: byte for byte what JSON.stringify gives. */
export function encodeMessage(message: unknown): Buffer {
  const diagnostics = encodedDiagnostics(message);
  if (!diagnostics) return Buffer.from(JSON.stringify(message), 'utf8');
  const m = message as { params: object };
  const shell = JSON.stringify({ ...m, params: { ...m.params, diagnostics: PLACEHOLDER } });
  const at = shell.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || shell.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.from(shell.slice(0, at) + '[', 'utf8');
  const tail = Buffer.from(']' + shell.slice(at + PLACEHOLDER_JSON.length), 'utf8');
  // Each diagnostic: its range written now (ASCII: one character, one byte) and its
  // cached members, or, made elsewhere, the whole of it.
  const ranges: Array<string | undefined> = [];
  const bodies: Buffer[] = [];
  const ends: string[] = [];
  let length = head.length + tail.length + Math.max(0, diagnostics.length - 1);
  for (const diagnostic of diagnostics) {
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
  const out = Buffer.allocUnsafe(length);
  let offset = head.copy(out, 0);
  for (let k = 0; k < bodies.length; k++) {
    if (k > 0) out[offset++] = 0x2c; // ,
    const range = ranges[k];
    if (range !== undefined) offset += out.write(range, offset, 'latin1');
    offset += bodies[k].copy(out, offset);
    if (ends[k].length > 0) offset += out.write(ends[k], offset, 'utf8');
  }
  tail.copy(out, offset);
  return out;
}

/** vscode-jsonrpc's content type encoder interface, with encodeMessage. */
export const jsonMessageEncoder = {
  name: 'application/json',
  encode: (message: unknown): Promise<Uint8Array> => {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
