// The server's message writer for the stdio transport: each message, header and JSON
// together (frameMessage), in one write to the stream, in the order written. It replaces
// vscode-jsonrpc's StreamMessageWriter, which writes the header, waits for that write to
// complete, then writes the JSON (see frameMessage for why one write matters).
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { frameMessage } from './messageEncoder';

export class FramedStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: Writable) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  /** Encodes and writes at once: no queue of its own, so messages go out in call order (the
   * stream buffers what the pipe cannot take yet). Resolves once the stream wrote it. */
  write(message: Message): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = frameMessage(message);
    } catch (error) {
      this.fail(error, message);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error) => {
        if (error === undefined || error === null) return resolve();
        this.fail(error, message);
        reject(error);
      });
    });
  }

  private fail(error: unknown, message: Message): void {
    this.errorCount++;
    this.fireError(error, message, this.errorCount);
  }

  end(): void {
    this.stream.end();
  }
}
