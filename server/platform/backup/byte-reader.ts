/** Reads exact byte counts from a stream of chunks, holding no more than one chunk beyond what was asked. */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Buffer | Uint8Array>;

  constructor(source: AsyncIterable<Buffer | Uint8Array>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    const parts = [this.buf];
    let have = this.buf.length;
    while (have < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else {
        const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
        parts.push(chunk);
        have += chunk.length;
      }
    }
    this.buf = parts.length === 1 ? this.buf : Buffer.concat(parts);
  }

  /** Exactly n bytes, or null at a clean end of stream; a stream ending inside the n bytes throws. */
  async read(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.buf.length === 0 && this.done) return null;
    if (this.buf.length < n) throw new TruncatedError();
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Up to n bytes as they arrive (for copying an entry's body without holding it whole). */
  async readSome(n: number): Promise<Buffer> {
    if (this.buf.length === 0) await this.fill(1);
    if (this.buf.length === 0) throw new TruncatedError();
    const out = this.buf.subarray(0, Math.min(n, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    return out;
  }

  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.buf.length === 0 && this.done;
  }
}

export class TruncatedError extends Error {
  constructor() {
    super('unexpected end of data');
  }
}
