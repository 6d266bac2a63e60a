import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { StoragePort } from './storage.port.js';

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/**
 * Files under `<dataDir>/files`. Each write goes to a temporary file, is fsynced, then renamed, so a crash
 * never leaves a half-written attachment under its final name.
 */
export function createLocalStorage(root: string): StoragePort {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error('invalid storage key');
    return path.join(root, key);
  };
  return {
    driver: 'local',
    async put(key, data) {
      const file = resolve(key);
      await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      const fh = await fsp.open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fsp.rename(tmp, file);
    },
    async get(key): Promise<Readable> {
      const file = resolve(key);
      await fsp.access(file);
      return fs.createReadStream(file);
    },
    async delete(key) {
      await fsp.rm(resolve(key), { force: true });
    },
    async exists(key) {
      try {
        await fsp.access(resolve(key));
        return true;
      } catch {
        return false;
      }
    },
  };
}
