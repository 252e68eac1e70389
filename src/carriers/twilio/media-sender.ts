import type { WebSocket } from 'ws';
import type { MediaFrame } from './media-frames.js';

// Every frame the gateway sends on a Twilio Media Streams socket goes through one MediaSender
// (carrier-protocols.md §2.3: `media`, `mark`, `clear`), whichever leg produced it (the speech
// pipeline's MediaStreamLeg, the speech-to-speech leg). A MediaTap sees both directions of the
// call's audio in order, without parsing anything twice: the socket handler hands it each
// parsed inbound frame (media-stream-socket.ts), the sender each outbound one. Recording is a
// tap; so could be a monitor.

export type OutboundMediaFrame =
  | { event: 'media'; payload: Buffer }
  | { event: 'mark'; name: string }
  | { event: 'clear' };

export interface MediaTap {
  /** A frame Twilio sent, after `start`, before the leg handles it. */
  inbound(frame: MediaFrame): void;
  /** A frame the gateway sent, as it went out. */
  outbound(frame: OutboundMediaFrame): void;
  /** The stream is over (socket closed or the leg disposed). Called once. */
  close(): void;
}

export class MediaSender {
  private tap: MediaTap | null = null;
  /** `{"event":"media","streamSid":…,"media":{"payload":"`: the same bytes JSON.stringify gives, built once. */
  private readonly mediaPrefix: string;

  constructor(
    private readonly socket: WebSocket,
    readonly streamSid: string,
  ) {
    this.mediaPrefix = `{"event":"media","streamSid":${JSON.stringify(streamSid)},"media":{"payload":"`;
  }

  /** Observe this stream from now on (one tap; `null` removes it). */
  setTap(tap: MediaTap | null): void {
    this.tap = tap;
  }

  get currentTap(): MediaTap | null {
    return this.tap;
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Runs `send` with the TCP socket corked: the frames it sends (a chunk of audio and the mark
   * after it) leave in one write instead of one system call each, the largest cost of a frame.
   * Each is still its own WebSocket message, in order.
   */
  together(send: () => void): void {
    // `_socket` is ws's handle on the net.Socket (not in its types); without it, plain sends.
    const tcp = (this.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    tcp?.cork();
    try {
      send();
    } finally {
      tcp?.uncork();
    }
  }

  /** One μ-law frame (160 bytes for 20 ms). False: the socket is gone, nothing was sent. */
  media(payload: Buffer): boolean {
    if (!this.open) return false;
    // Hand-built: the hottest frame of a call (base64 needs no escaping).
    this.socket.send(`${this.mediaPrefix}${payload.toString('base64')}"}}`);
    this.observe({ event: 'media', payload });
    return true;
  }

  mark(name: string): boolean {
    if (!this.open) return false;
    this.socket.send(JSON.stringify({ event: 'mark', streamSid: this.streamSid, mark: { name } }));
    this.observe({ event: 'mark', name });
    return true;
  }

  clear(): boolean {
    if (!this.open) return false;
    this.socket.send(JSON.stringify({ event: 'clear', streamSid: this.streamSid }));
    this.observe({ event: 'clear' });
    return true;
  }

  /** Hands an inbound frame to the tap (the socket handler calls this). */
  observeInbound(frame: MediaFrame): void {
    if (!this.tap) return;
    try {
      this.tap.inbound(frame);
    } catch {
      // A tap never breaks the call.
    }
  }

  /** The stream is over: the tap is closed once. */
  closeTap(): void {
    const tap = this.tap;
    this.tap = null;
    if (!tap) return;
    try {
      tap.close();
    } catch {
      // see above
    }
  }

  private observe(frame: OutboundMediaFrame): void {
    if (!this.tap) return;
    try {
      this.tap.outbound(frame);
    } catch {
      // see above
    }
  }
}
