import 'server-only';
import { DomainError } from '@/lib/server/errors';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';
import { inspectPdf } from '@/lib/server/pdf-inspection';
import { MAX_PDF_BYTES } from '@/lib/limits';

/** Only the base name, without control or path characters, for display and Content-Disposition. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"/\\]/g, '').trim();
  const withExtension = base.toLowerCase().endsWith('.pdf') ? base : `${base || 'bilag'}.pdf`;
  return withExtension.slice(-150);
}

/** Where stored PDFs are kept, by the key the server gave them; chosen by ATTACHMENT_STORAGE. */
export interface StorageDriver {
  /** Stores new bytes; refuses to overwrite a key that exists. */
  put(storageKey: string, bytes: Uint8Array): Promise<void>;
  get(storageKey: string): Promise<Buffer>;
  /** Removes the object; a key that is already gone is no error. */
  remove(storageKey: string): Promise<void>;
}

/**
 * A folder on the server's disk, outside the web root: an upload can never be served as a page.
 * Keys are the server's own names, never a path, so nothing outside the folder can be reached.
 */
export function localDriver(directory: string): StorageDriver {
  const root = path.resolve(directory);
  const pathOf = (storageKey: string) => {
    if (!storageKey || path.basename(storageKey) !== storageKey || storageKey.startsWith('.')) throw new Error(`Not a storage key: ${JSON.stringify(storageKey)}`);
    return path.join(root, storageKey);
  };
  return {
    async put(storageKey, bytes) {
      await mkdir(root, { recursive: true });
      await writeFile(pathOf(storageKey), bytes, { mode: 0o600, flag: 'wx' });
    },
    get: async (storageKey) => readFile(pathOf(storageKey)),
    remove: async (storageKey) => rm(pathOf(storageKey), { force: true }),
  };
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, ...), so that several app servers share the files.
 * Objects are private; the app reads them itself and serves them only to those allowed.
 */
export function s3Driver(settings: S3Settings): StorageDriver {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  const Bucket = settings.bucket;
  return {
    async put(storageKey, bytes) {
      // If-None-Match: a store that supports conditional writes refuses to overwrite; keys are random anyway.
      await client.send(new PutObjectCommand({ Bucket, Key: storageKey, Body: bytes, ContentType: 'application/pdf', IfNoneMatch: '*' }));
    },
    async get(storageKey) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: storageKey }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    async remove(storageKey) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: storageKey }));
    },
  };
}

let configured: StorageDriver | undefined;

function storage(): StorageDriver {
  if (configured) return configured;
  const settings = env();
  configured =
    settings.ATTACHMENT_STORAGE === 's3'
      ? s3Driver({
          endpoint: settings.S3_ENDPOINT!,
          bucket: settings.S3_BUCKET!,
          region: settings.S3_REGION!,
          accessKeyId: settings.S3_ACCESS_KEY_ID!,
          secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: settings.S3_FORCE_PATH_STYLE,
        })
      : localDriver(settings.ATTACHMENT_DIR);
  return configured;
}

/**
 * Checks an uploaded PDF by parsing it (every upload comes through here: attachments, consultation
 * documents, registered originals) and stores it, then runs `record` to write its row. When `record` fails the
 * file is removed again, so nothing is left half-written.
 */
export async function storePdf<T>(file: { name: string; bytes: Uint8Array }, record: (stored: { storageKey: string; fileName: string; size: number }) => Promise<T>): Promise<T> {
  if (file.bytes.byteLength === 0) throw new DomainError('pdf.noFile');
  if (file.bytes.byteLength > MAX_PDF_BYTES) throw new DomainError('pdf.tooLarge');
  const refusal = await inspectPdf(file.bytes);
  if (refusal) throw new DomainError(`pdf.${refusal}`);
  const storageKey = `${randomUUID()}.pdf`;
  await storage().put(storageKey, file.bytes);
  try {
    return await record({ storageKey, fileName: safeFileName(file.name), size: file.bytes.byteLength });
  } catch (error) {
    await removeStored(storageKey);
    throw error;
  }
}

export const readStored = (storageKey: string) => storage().get(storageKey);

export const removeStored = (storageKey: string) => storage().remove(storageKey);
