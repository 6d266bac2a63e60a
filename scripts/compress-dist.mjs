#!/usr/bin/env node
/**
 * Writes a .gz and a .br file next to every text asset of a built web app (`npm run build:web` runs it on
 * dist/admin and dist/portal), so the server sends them as they are (`preCompressed`) instead of
 * compressing on every request or not at all. Both at the highest level: this runs once per build.
 * An encoding that does not make a file smaller is left out, and the server then sends the file itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const TEXT_ASSETS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

const encoders = {
  '.gz': (data) => zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  '.br': (data) =>
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
};

/** Compresses every text asset under `dir`; returns what it wrote, for the build log. */
export function compressDir(dir) {
  const written = [];
  for (const file of [...files(dir)]) {
    if (!TEXT_ASSETS.has(path.extname(file))) continue;
    const data = fs.readFileSync(file);
    for (const [ext, encode] of Object.entries(encoders)) {
      const packed = encode(data);
      if (packed.length >= data.length) {
        fs.rmSync(file + ext, { force: true });
        continue;
      }
      fs.writeFileSync(file + ext, packed);
      written.push({ file: file + ext, from: data.length, to: packed.length });
    }
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: node scripts/compress-dist.mjs <dist dir>...');
    process.exit(2);
  }
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) {
      console.error(`${dir} does not exist: build it first`);
      process.exit(1);
    }
    const written = compressDir(dir);
    const sum = (ext, key) => written.filter((w) => w.file.endsWith(ext)).reduce((n, w) => n + w[key], 0);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${dir}: ${written.length} compressed files; ${kb(sum('.gz', 'from'))} → gzip ${kb(sum('.gz', 'to'))}, brotli ${kb(sum('.br', 'to'))}`);
  }
}
