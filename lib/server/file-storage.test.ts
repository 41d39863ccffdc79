import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDriver, s3Driver } from '@/lib/server/file-storage';

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

/**
 * A stand-in for an S3-compatible store on loopback: path-style PUT, GET and DELETE of objects,
 * with S3's error codes and conditional PUT. It does not check signatures; it records the requests.
 */
async function fakeS3() {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; url: string; authorization: string | undefined }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const key = decodeURIComponent(new URL(request.url!, 'http://localhost').pathname);
    requests.push({ method: request.method!, url: key, authorization: request.headers.authorization });
    const fail = (status: number, code: string) => response.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    if (request.method === 'PUT') {
      if (request.headers['if-none-match'] === '*' && objects.has(key)) return fail(412, 'PreconditionFailed');
      objects.set(key, Buffer.concat(chunks));
      return response.writeHead(200, { etag: '"1"' }).end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return fail(404, 'NoSuchKey');
      return response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': object.length }).end(object);
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      return response.writeHead(204).end();
    }
    fail(405, 'MethodNotAllowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, objects, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the S3 storage driver', () => {
  const settings = (endpoint: string) => ({ endpoint, bucket: 'bilag', region: 'eu-north-1', accessKeyId: 'key', secretAccessKey: 'secret', forcePathStyle: true });

  it('stores, reads and removes an object in the bucket with signed requests', async () => {
    const s3 = await fakeS3();
    try {
      const driver = s3Driver(settings(s3.endpoint));
      await driver.put('a.pdf', Buffer.from('%PDF-1.4'));
      expect(s3.objects.get('/bilag/a.pdf')?.toString()).toBe('%PDF-1.4');
      expect((await driver.get('a.pdf')).toString()).toBe('%PDF-1.4');
      await driver.remove('a.pdf');
      await expect(driver.get('a.pdf')).rejects.toMatchObject({ name: 'NoSuchKey' });
      expect(s3.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /bilag/a.pdf', 'GET /bilag/a.pdf', 'DELETE /bilag/a.pdf', 'GET /bilag/a.pdf']);
      expect(s3.requests.every((r) => r.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=key/'))).toBe(true);
    } finally {
      await s3.close();
    }
  });

  it('never overwrites a stored object', async () => {
    const s3 = await fakeS3();
    try {
      const driver = s3Driver(settings(s3.endpoint));
      await driver.put('a.pdf', Buffer.from('first'));
      await expect(driver.put('a.pdf', Buffer.from('second'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
      expect((await driver.get('a.pdf')).toString()).toBe('first');
    } finally {
      await s3.close();
    }
  });
});
