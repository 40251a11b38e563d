// Where uploaded files live: behind an interface, so an object store can
// replace the local disk; the local implementation keeps files under
// $DATA_DIR/files, named by a random key (never by the uploader's name).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStorage {
  /** Stores a stream, through the given transforms; the key names it from now on. */
  put(source: Readable, ...transforms: Transform[]): Promise<string>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
}

export function createLocalDiskStorage(dir: string): FileStorage {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(dir, key.slice(0, 2), key);
  };
  return {
    async put(source, ...transforms) {
      const key = randomUUID();
      const path = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      try {
        // The source only starts flowing once the whole pipeline is in place.
        await pipeline([source, ...transforms, createWriteStream(path, { flags: 'wx' })]);
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return key;
    },
    get: (key) => createReadStream(pathOf(key)),
    delete: (key) => rm(pathOf(key), { force: true }),
  };
}
