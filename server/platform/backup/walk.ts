import fsp from 'node:fs/promises';
import path from 'node:path';

/** Regular files below `root` as paths relative to it, depth-first; temporary files of in-flight writes are skipped. */
export async function* walkFiles(root: string, rel = ''): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fsp.readdir(path.join(root, rel), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walkFiles(root, p);
    else if (e.isFile() && !e.name.endsWith('.tmp')) yield p;
  }
}

export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fsp.readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}
