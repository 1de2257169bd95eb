import * as assert from 'node:assert/strict';
import { workspaceResultMessage } from '../../client/src/workspaceResult';

describe('Analyze Workspace: the message when a run ends', () => {
  const run = { files: 1200, analysed: 1200, failed: 0, cancelled: false, milliseconds: 900 };

  it('a check in the status bar when every file was analysed', () => {
    assert.deepEqual(workspaceResultMessage(run), { cancelled: false, text: '$(check) ClaimLens analysed 1,200 files' });
    assert.equal(workspaceResultMessage({ ...run, files: 1, analysed: 1 }).text, '$(check) ClaimLens analysed 1 file');
  });

  it('a warning, not a check, when some files could not be analysed', () => {
    assert.deepEqual(workspaceResultMessage({ ...run, analysed: 1197, failed: 3 }), {
      cancelled: false,
      text: '$(warning) ClaimLens analysed 1,200 files; 3 could not be analysed',
    });
  });

  it('how far a cancelled run got', () => {
    assert.deepEqual(workspaceResultMessage({ ...run, analysed: 250, cancelled: true }), {
      cancelled: true,
      text: 'ClaimLens: workspace analysis cancelled after 250 of 1,200 files.',
    });
  });
});
