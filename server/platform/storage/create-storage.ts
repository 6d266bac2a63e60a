import path from 'node:path';
import type { Config } from '../../config.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { StoragePort } from './storage.port.js';

export function createStorage(config: Config): StoragePort {
  return config.storage.driver === 's3' ? createS3Storage(config.storage.s3) : createLocalStorage(path.join(config.dataDir, 'files'));
}
