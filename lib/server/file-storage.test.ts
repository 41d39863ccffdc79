import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDriver } from '@/lib/server/file-storage';

describe('the local storage driver', () => {
  let directory: string;
  beforeEach(() => {
    directory = path.join(mkdtempSync(path.join(tmpdir(), 'storage-')), 'attachments');
  });
  afterEach(() => rmSync(path.dirname(directory), { recursive: true, force: true }));

  it('stores, reads and removes a file, creating its folder, readable by the server only', async () => {
    const driver = localDriver(directory);
    await driver.put('a.pdf', Buffer.from('%PDF-1.4'));
    expect((await driver.get('a.pdf')).toString()).toBe('%PDF-1.4');
    expect(statSync(path.join(directory, 'a.pdf')).mode & 0o777).toBe(0o600);
    await driver.remove('a.pdf');
    await expect(driver.get('a.pdf')).rejects.toMatchObject({ code: 'ENOENT' });
    await driver.remove('a.pdf');
  });

  it('never overwrites a stored file', async () => {
    const driver = localDriver(directory);
    await driver.put('a.pdf', Buffer.from('first'));
    await expect(driver.put('a.pdf', Buffer.from('second'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await driver.get('a.pdf')).toString()).toBe('first');
  });

  it.each(['../a.pdf', 'sub/a.pdf', '..', ''])('refuses the key %j, which would leave the folder', async (key) => {
    await expect(localDriver(directory).get(key)).rejects.toThrow(/Not a storage key/);
  });
});
