// Integration tests that queue mail start the job queue's connections; close them with the file.
import { afterAll } from 'vitest';
import { stopJobQueue } from '@/lib/server/jobs';

afterAll(() => stopJobQueue());
