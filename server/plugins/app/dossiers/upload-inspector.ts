// Watches an upload as it streams to storage: counts bytes (and stops at the
// document's limit), computes SHA-256, and keeps the first bytes so the type
// is judged by content, not by the file's name.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';

const SNIFF_BYTES = 4100;

export class UploadTooLarge extends Error {}

export class UploadInspector extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  private tooLarge = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Chunks still arriving after the limit was passed are dropped: the error is raised once.
    if (this.tooLarge) return done();
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.tooLarge = true;
      return done(new UploadTooLarge());
    }
    this.hash.update(chunk);
    if (this.headBytes < SNIFF_BYTES) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
    }
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }

  /** The MIME type the content shows, or null when it shows none. */
  async detectedType(): Promise<string | null> {
    const found = await fileTypeFromBuffer(Buffer.concat(this.head).subarray(0, SNIFF_BYTES));
    return found?.mime ?? null;
  }
}
