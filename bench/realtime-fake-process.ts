import { WebSocket } from 'ws';
import { startFakeRealtime } from '../test/fakes/fake-realtime.js';
import { readFrame, SequenceCheck, stampFrame } from './realtime-frames.js';
import { serveParent } from './shared.js';

// The benchmark's Realtime server, in its own process: the test fake (real `ws` on loopback, GA
// protocol) with one behaviour per connection: answer `session.update`, then speak forever, a
// 20 ms `response.output_audio.delta` every 20 ms of real time, each stamped (realtime-frames.ts);
// and time every `input_audio_buffer.append` that arrives (caller frame in → append out).
// BENCH_FAKE_SILENT=1: the model never speaks (an idle call: the caller's frames still flow in).
// Commands: reset (start measuring), quiet (stop speaking), sample (hops and order so far).

let measuring = false;
let speaking = process.env.BENCH_FAKE_SILENT !== '1';
let hops: number[] = [];
const check = new SequenceCheck();
const sent: Record<number, number> = {};

const fake = await startFakeRealtime({
  onConnection(conn, ws) {
    let seq = 0;
    let timer: NodeJS.Timeout | undefined;
    let startedAt = 0;
    const itemId = `item_bench_${conn.index}`;
    const responseId = `resp_bench_${conn.index}`;
    const speak = () => {
      while (speaking && ws.readyState === WebSocket.OPEN && startedAt + seq * 20 <= performance.now()) {
        const frame = stampFrame(conn.index, seq++);
        sent[conn.index] = seq;
        ws.send(`{"type":"response.output_audio.delta","event_id":"e${seq}","response_id":"${responseId}","item_id":"${itemId}","output_index":0,"content_index":0,"delta":"${frame.toString('base64')}"}`);
      }
      if (speaking && ws.readyState === WebSocket.OPEN) timer = setTimeout(speak, Math.max(0, startedAt + seq * 20 - performance.now()));
    };
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"input_audio_buffer.append"')) {
        const at = text.indexOf('"audio":"') + 9;
        const audio = Buffer.from(text.slice(at, text.indexOf('"', at)), 'base64');
        const f = readFrame(audio);
        if (!f) return;
        check.see(f.index, f.seq);
        if (measuring) hops.push(f.hopMs);
        return;
      }
      let event: { type?: string };
      try {
        event = JSON.parse(text) as { type?: string };
      } catch {
        return;
      }
      if (event.type === 'session.update') {
        ws.send(JSON.stringify({ type: 'session.updated', event_id: 'e0', session: { type: 'realtime' } }));
        ws.send(JSON.stringify({ type: 'response.created', event_id: 'e1', response: { id: responseId, object: 'realtime.response', status: 'in_progress', output: [] } }));
        startedAt = performance.now();
        speak();
      }
    });
    ws.on('close', () => clearTimeout(timer));
  },
});

serveParent(
  (cmd) => {
    if (cmd === 'reset') {
      measuring = true;
      hops = [];
      return null;
    }
    if (cmd === 'quiet') {
      speaking = false;
      measuring = false;
      return null;
    }
    return { hops, lost: check.lost, reordered: check.reordered, received: check.received, startupMissing: check.startupMissing(), lastReceived: check.last(), sent, connections: fake.connections.length };
  },
  () => fake.close(),
);
process.send?.({ url: fake.url });
