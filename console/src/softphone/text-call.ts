import { CallBase, socketUrl } from './call-state';

// A relay-mode test number called from the browser: a text conversation over the gateway's
// softphone socket (the ConversationRelay frames `agentline call` speaks): `dial`, then each
// line typed is a `prompt`; the agent's reply streams back as `text` tokens.

export class TextCall extends CallBase {
  private ws: WebSocket | null = null;
  private reply: string | null = null;

  start(socketPath: string, to: string, ticket: string) {
    const ws = new WebSocket(socketUrl(socketPath, { ticket }));
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'dial', to }));
    ws.onmessage = (e) => {
      try {
        this.onFrame(JSON.parse(String(e.data)));
      } catch {
        /* dropped */
      }
    };
    ws.onerror = () => {};
    ws.onclose = (e) => {
      if (this.snap.phase === 'connecting' && !this.snap.error) this.fail(e.code === 1006 ? 'The gateway refused the call (the ticket may have expired); try again.' : `The call closed: ${e.reason || e.code}.`);
      this.flush();
      this.update({ phase: 'ended', agentSpeaking: false });
    };
  }

  /** The caller's line: interrupts a reply still streaming, as speech would. */
  say(text: string) {
    if (!text.trim()) return;
    if (this.reply !== null) {
      this.send({ type: 'interrupt', utteranceUntilInterrupt: this.reply });
      this.flush(true);
    }
    this.addLine({ speaker: 'caller', text });
    this.send({ type: 'prompt', voicePrompt: text });
  }

  dtmf(digit: string) {
    this.send({ type: 'dtmf', digit });
    this.addLine({ speaker: 'system', text: `pressed ${digit}` });
  }

  hangup() {
    this.send({ type: 'hangup' });
    this.ws?.close(1000, 'hangup');
  }

  private send(frame: object) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private onFrame(f: any) {
    switch (f?.type) {
      case 'connected':
        this.update({ phase: 'connected', callId: String(f.call_id), connectedAt: Date.now() });
        return;
      case 'text': {
        const token = String(f.token ?? '');
        const lines = this.snap.lines.slice();
        if (this.reply === null) {
          this.reply = '';
          lines.push({ speaker: 'agent', text: '', pending: true });
        }
        this.reply += token;
        lines[lines.length - 1] = { speaker: 'agent', text: this.reply, pending: !f.last };
        this.update({ lines, agentSpeaking: !f.last });
        if (f.last) this.reply = null;
        return;
      }
      case 'end':
        this.flush();
        this.addLine({ speaker: 'system', text: 'The agent ended the call.' });
        return;
      case 'error':
        this.fail(String(f.message ?? f.code));
        return;
    }
  }

  private flush(interrupted = false) {
    if (this.reply === null) return;
    const lines = this.snap.lines.slice();
    lines[lines.length - 1] = { speaker: 'agent', text: this.reply, interrupted };
    this.reply = null;
    this.update({ lines, agentSpeaking: false });
  }
}
