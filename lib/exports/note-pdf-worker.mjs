// The worker thread's entry (lib/server/note-pdf-thread.ts starts it): the renderer is TypeScript,
// so tsx compiles it here, once per worker, with the command-line scripts' settings.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.cli.json', import.meta.url).pathname });
await import('./note-pdf-thread.ts');
