// V8 keeps new objects in its young generation until a scavenge copies the live ones out,
// and the first scavenge after a large analysis arrives copies and promotes megabytes of it
// (the tail of the deserialised analysis, its diagnostics, the hover lookups): tens of ms,
// up to 150 ms on a loaded machine. Left to itself V8 runs that scavenge when the young
// generation next fills, which is during the next requests (hovers): they wait for it. So
// right after an analysis is in, the server asks for it at once.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** V8's gc function, taken from a fresh context (the server's own global gets no `gc`);
 * null where it cannot be had. */
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect === undefined) {
    try {
      // Given at start (the client starts the server so): no flag change at run time.
      if (!process.execArgv.includes('--expose-gc')) setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      collect = typeof gc === 'function' ? (gc as Collect) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Promotes what is live in the young generation now: two scavenges (an object is promoted
 * by the second one it survives). False where V8's gc function is not available. */
export function promoteYoungGeneration(): boolean {
  const gc = collector();
  if (!gc) return false;
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  return true;
}
