import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '../../config.js';
import type { StoragePort } from './storage.port.js';

/**
 * Any S3-compatible store (MinIO, OSS, COS, OBS). Path-style addressing and checksums only when required:
 * the SDK's default CRC32 headers break several domestic S3 implementations.
 */
export function createS3Storage(cfg: S3Config): StoragePort {
  const client = new S3Client({
    endpoint: cfg.endpoint,
    region: cfg.region,
    forcePathStyle: true,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    driver: 's3',
    async put(key, data) {
      await client.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key, Body: data, ContentType: 'application/octet-stream' }));
    },
    async get(key) {
      const r = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key }));
      return r.Body as Readable;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
  };
}
