// Imported first by the analysis core (index.ts), for its side effect: switches off V8's
// allocation-site pretenuring for this process, before any analysis runs.
//
// Why (measured with --trace-gc and --trace-pretenuring-statistics on the bench's
// throughput run): analysis allocates many small short-lived objects (tokens, spans,
// candidate arrays) that die young, in the scavenger, almost for free. V8 counts, per
// allocation site, how many of the objects allocated since the last GC are still alive at a
// GC; at >= 85% it decides, for good, to allocate that site's objects straight in old space.
// When a GC falls in the middle of one article shortly after the previous one, every object
// counted belongs to that article and is still alive: 40-50 of the analysis' sites scored
// 100% at once (one mark-compact during the warm-up) and were pretenured. Their old-space
// objects then keep the young objects they point to alive through every scavenge, which
// promotes those too and gets more sites pretenured: old space filled with dead analysis
// (~80 MB promoted per 5 MB pass instead of ~4 kB), GC took ~0.8 s per pass instead of
// ~25 ms, and throughput halved (bench: 0.9-1.4 MB/s and ~200 MB heap instead of 2-3 MB/s
// and ~60 MB). Whether it happens depends on where GCs fall, hence the bench's two modes.
// Without pretenuring, long-lived tables still reach old space the ordinary way, once.
//
// The flag is process-wide and read when V8 processes pretenuring feedback at each GC, so
// setting it at run time takes effect from the next GC on (Node, and Electron run as Node as
// VS Code forks the server, start V8 with flags left unfrozen, which v8.setFlagsFromString
// needs). The core runs in our own processes only (language server, its workers, CLI,
// bench), never in the extension host.
import * as v8 from 'v8';

export const PRETENURING_FLAG = '--no-allocation-site-pretenuring';

let applied = false;

/** Switches V8's allocation-site pretenuring off for this process (once; later calls do nothing). */
export function disableAllocationSitePretenuring(): void {
  if (applied) return;
  applied = true;
  // Opt-out for experiments that want V8's default (e.g. measuring the slow mode on purpose).
  if (process.env.CLAIMLENS_V8_PRETENURING === '1') return;
  // Given at start (the client starts the server so): no flag changes at run time.
  if (process.execArgv.includes(PRETENURING_FLAG)) return;
  v8.setFlagsFromString(PRETENURING_FLAG);
}

disableAllocationSitePretenuring();
