// Decodes base64 audio payloads into one reused buffer: a call's frames arrive fifty a second
// and are read before the next one, so a new Buffer per frame is garbage for nothing.

export class Base64Scratch {
  private buffer: Buffer;
  private view: Buffer;

  constructor(initialBytes = 160) {
    this.buffer = this.view = Buffer.allocUnsafe(initialBytes);
  }

  /** The decoded bytes of `payload` (valid base64), valid until the next call. */
  decode(payload: string): Buffer {
    const most = Math.ceil(payload.length / 4) * 3;
    if (most > this.buffer.length) this.buffer = this.view = Buffer.allocUnsafe(most);
    const length = this.buffer.write(payload, 'base64');
    // 20 ms frames are all one size: the view over them is made once.
    if (length !== this.view.length) this.view = this.buffer.subarray(0, length);
    return this.view;
  }
}
