// How the client starts the language server process, defined once for both sides.

/**
 * V8 flags the server process starts with. The server sets both itself at run time when
 * they are missing (server/src/analysis/heapTuning.ts, server/src/common/youngGeneration.ts),
 * which needs V8's flags left unfrozen after start-up, as Node leaves them; given at start,
 * the server never changes a flag at run time, whatever the runtime that forks it does.
 * Indexing workers inherit them.
 */
export const SERVER_V8_FLAGS = ['--no-allocation-site-pretenuring', '--expose-gc'] as const;
