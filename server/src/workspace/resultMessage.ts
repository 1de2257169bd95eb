// An indexing worker's answers on the wire. Most are a plain summary: their numbers go in
// one Float64Array and their bytes are transferred, so the main thread deserializes no
// object, property name or URI per file (it knows each task's URI already) and builds just
// the summary it keeps. The rare others (a file gone, unreadable or failed) go as objects. Pure.
import type { AnalyzeFileResult } from './analyzeFile';
import type { StoredSummary } from './summary';

/** Numbers per plain result: id, mtimeMs, size, claimCount, findingCount, findingsAt, entitiesAt. */
export const RESULT_FIELDS = 7;

export interface WorkerResults {
  /** RESULT_FIELDS numbers per plain result, in the order of `bytes`. */
  numbers: Float64Array;
  /** Each plain result's summary bytes. */
  bytes: Uint8Array[];
  /** Results without a plain summary, whole. */
  others: AnalyzeFileResult[];
}

function isPlain(result: AnalyzeFileResult): boolean {
  return result.summary !== undefined && result.failure === undefined && result.error === undefined;
}

/** The message for `results`, and the buffers to transfer with it. */
export function packResults(results: readonly AnalyzeFileResult[]): { message: WorkerResults; transfer: ArrayBuffer[] } {
  let plain = 0;
  for (const result of results) if (isPlain(result)) plain++;
  const numbers = new Float64Array(plain * RESULT_FIELDS);
  const bytes: Uint8Array[] = [];
  const others: AnalyzeFileResult[] = [];
  const transfer: ArrayBuffer[] = [numbers.buffer];
  for (const result of results) {
    if (!isPlain(result)) {
      others.push(result);
      if (result.summary) addTransfer(transfer, result.summary.bytes);
      continue;
    }
    const summary = result.summary!;
    const at = bytes.length * RESULT_FIELDS;
    numbers[at] = result.id;
    numbers[at + 1] = result.mtimeMs ?? 0;
    numbers[at + 2] = result.size ?? 0;
    numbers[at + 3] = summary.claimCount;
    numbers[at + 4] = summary.findingCount;
    numbers[at + 5] = summary.findingsAt;
    numbers[at + 6] = summary.entitiesAt;
    bytes.push(summary.bytes);
    addTransfer(transfer, summary.bytes);
  }
  return { message: { numbers, bytes, others }, transfer };
}

/** Bytes that own their whole buffer move; a view into a shared one is copied. */
function addTransfer(transfer: ArrayBuffer[], bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && buffer.byteLength === bytes.byteLength && !transfer.includes(buffer)) transfer.push(buffer);
}

/** Hands each result of `message` whose task `take` still holds to `deliver`, a plain one
 * rebuilt with its URI from the task: the same result the worker made. */
export function unpackResults<Owner>(
  message: WorkerResults,
  take: (id: number) => Owner | undefined,
  uriOf: (owner: Owner) => string,
  deliver: (owner: Owner, result: AnalyzeFileResult) => void,
): void {
  const { numbers, bytes } = message;
  for (let i = 0; i < bytes.length; i++) {
    const at = i * RESULT_FIELDS;
    const id = numbers[at];
    const owner = take(id);
    if (owner === undefined) continue;
    // The fields in storeSummary's order: the same shape as a summary made in-process.
    const summary: StoredSummary = {
      uri: uriOf(owner),
      claimCount: numbers[at + 3],
      findingCount: numbers[at + 4],
      bytes: bytes[i],
      findingsAt: numbers[at + 5],
      entitiesAt: numbers[at + 6],
    };
    deliver(owner, { id, summary, mtimeMs: numbers[at + 1], size: numbers[at + 2] });
  }
  for (const result of message.others) {
    const owner = take(result.id);
    if (owner !== undefined) deliver(owner, result);
  }
}
