import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HearingNote } from '@/lib/exports/note';
import type { RenderReply } from '@/lib/exports/note-pdf-thread';

// One worker thread per app instance renders the PDF høringsnotat (lib/exports/note-pdf-thread.ts):
// PDFKit lays a note out synchronously, and with 200 parties that held the event loop for
// seconds. Started on the first export and kept, so tsx compiles the renderer once; a worker that
// dies fails its pending renders and is started again by the next one.

// From the project's root, where `next start` and the scripts run. The worker loads the source
// file from disk; the bundler must not follow it into the server's chunks (turbopackIgnore).
const ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'exports', 'note-pdf-worker.mjs');

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

const state = globalThis as unknown as { notePdfWorker?: { worker: Worker; pending: Map<number, Pending>; nextId: number } };

function worker() {
  if (state.notePdfWorker) return state.notePdfWorker;
  const pending = new Map<number, Pending>();
  const instance = new Worker(/* turbopackIgnore: true */ ENTRY);
  // An idle worker does not keep a script or test process alive.
  instance.unref();
  const failAll = (error: Error) => {
    if (state.notePdfWorker?.worker === instance) delete state.notePdfWorker;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  instance.on('message', (reply: RenderReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(`The høringsnotat could not be rendered: ${reply.error}`));
    else job.resolve(reply.bytes);
  });
  instance.on('error', failAll);
  instance.on('exit', (code) => failAll(new Error(`The høringsnotat's worker thread stopped (exit code ${code})`)));
  state.notePdfWorker = { worker: instance, pending, nextId: 1 };
  return state.notePdfWorker;
}

/** The note as a tagged PDF, rendered off the main thread. */
export function renderNotePdfOffThread(note: HearingNote): Promise<Uint8Array> {
  const { worker: instance, pending, nextId } = worker();
  state.notePdfWorker!.nextId = nextId + 1;
  return new Promise((resolve, reject) => {
    pending.set(nextId, { resolve, reject });
    instance.postMessage({ id: nextId, note });
  });
}
