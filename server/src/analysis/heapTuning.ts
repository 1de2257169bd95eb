// Imported first by the analysis core (index.ts), for its side effect: switches off V8's
// allocation-site pretenuring for this process, before any analysis runs.
//
// Why: analysis allocates many small short-lived objects (tokens, spans, candidate arrays),
// which die young, in the scavenger, almost for free. But when V8's first mark-compact runs
// while an article is being analysed, every object allocated during its incremental marking
// is marked live ("black allocation"), so the allocation sites of the analysis look as if
// 100% of their objects survive; V8 then decides, for good, to allocate those sites' objects
// straight in old space. Those old-space objects keep the young objects they point to alive
// through every scavenge, which promotes them too, and more sites get tenured: old space then
// fills with dead analysis at ~40% of all allocation until the next mark-compact, scavenges
// take 20-80 ms instead of <1 ms, and throughput halves (bench: 0.9-1.3 MB/s and ~200 MB heap
// instead of 1.7-2.6 MB/s and ~60 MB). Whether it happens depends on when that first
// mark-compact falls, hence the bench's two modes. Without pretenuring, long-lived tables
// still reach old space the ordinary way (two scavenges), once.
//
// The flag is process-wide and read when V8 processes pretenuring feedback at each GC, so
// setting it at run time takes effect from the next GC on. The core runs in our own processes
// only (language server, its workers, CLI, bench), never in the extension host.
import * as v8 from 'v8';

export const PRETENURING_FLAG = '--no-allocation-site-pretenuring';

let applied = false;

/** Switches V8's allocation-site pretenuring off for this process (once; later calls do nothing). */
export function disableAllocationSitePretenuring(): void {
  if (applied) return;
  applied = true;
  // Opt-out for experiments that want V8's default (e.g. measuring the slow mode on purpose).
  if (process.env.CLAIMLENS_V8_PRETENURING === '1') return;
  v8.setFlagsFromString(PRETENURING_FLAG);
}

disableAllocationSitePretenuring();
