import { parentPort } from 'node:worker_threads';
import type { HearingNote } from './note';
import { renderNotePdf } from './note-pdf';

// Renders høringsnotater in a worker thread, one at a time, so that laying out hundreds of
// answers never holds up the server's requests. The bytes are transferred, not copied.

export interface RenderRequest {
  id: number;
  note: HearingNote;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('note-pdf-thread runs only as a worker thread');

port.on('message', async ({ id, note }: RenderRequest) => {
  try {
    const bytes = await renderNotePdf(note);
    port.postMessage({ id, bytes } satisfies RenderReply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply);
  }
});
