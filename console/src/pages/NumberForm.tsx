import { Button, Group, Input, NumberInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { PhoneNumber } from '../api/types';
import { ErrorNotice } from '../ui/bits';

// Create or edit a number: who answers (a managed model with a prompt, or your webhook), how
// audio is carried (relay or stream), the voice and the greeting.

export function NumberForm({ number, onSaved, onCancel }: { number?: PhoneNumber; onSaved(n: PhoneNumber): void; onCancel(): void }) {
  const [agent, setAgent] = useState<'managed' | 'webhook'>(number?.mode ?? 'webhook');
  const [systemPrompt, setSystemPrompt] = useState(number?.system_prompt ?? '');
  const [webhookUrl, setWebhookUrl] = useState(number?.webhook_url ?? '');
  const [webhookToken, setWebhookToken] = useState('');
  const [mediaMode, setMediaMode] = useState<string>(number?.media_mode ?? 'relay');
  const [voice, setVoice] = useState(number?.voice_id ?? '');
  const [firstMessage, setFirstMessage] = useState(number?.first_message ?? '');
  const [areaCode, setAreaCode] = useState('');
  const [inbound, setInbound] = useState<string>(number?.inbound_mode ?? 'autopilot');
  const [endpointing, setEndpointing] = useState<number | string>(number?.endpointing_ms ?? 500);
  const [bargeIn, setBargeIn] = useState<number | string>(number?.barge_in_ms ?? 250);
  const [recording, setRecording] = useState(number?.recording ?? false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      media_mode: mediaMode,
      inbound_mode: inbound,
      recording,
      ...(voice.trim() ? { voice_id: voice.trim() } : {}),
      ...(firstMessage.trim() ? { first_message: firstMessage.trim() } : {}),
    };
    if (agent === 'managed') {
      body.system_prompt = systemPrompt;
      if (number?.mode === 'webhook') body.webhook_url = null;
    } else {
      body.webhook_url = webhookUrl.trim();
      if (systemPrompt.trim()) body.system_prompt = systemPrompt;
      if (webhookToken) body.webhook_token = webhookToken;
    }
    if (mediaMode !== 'relay') {
      body.endpointing_ms = Number(endpointing);
      if (mediaMode === 'stream') body.barge_in_ms = Number(bargeIn);
    }
    if (!number && areaCode.trim()) body.area_code = areaCode.trim();
    try {
      const res = number
        ? await api.patch<{ data: PhoneNumber }>(`/v1/numbers/${number.id}`, body)
        : await api.post<{ data: PhoneNumber }>('/v1/numbers', body, { idempotent: true });
      onSaved(res.data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            Who answers
          </Text>
          <SegmentedControl
            fullWidth
            value={agent}
            onChange={(v) => setAgent(v as 'managed' | 'webhook')}
            data={[
              { label: 'Your webhook', value: 'webhook' },
              { label: 'Managed model', value: 'managed' },
            ]}
          />
        </div>
        {agent === 'webhook' ? (
          <>
            <TextInput
              label="Webhook URL"
              description="Each caller turn is POSTed here in OpenAI chat-completions form (try npx agentline example-agent)."
              placeholder="http://127.0.0.1:8787/agent"
              value={webhookUrl}
              onChange={(e) => setWebhookUrl(e.currentTarget.value)}
              required
            />
            <TextInput
              label="Webhook token"
              description={number?.webhook_token_set ? 'Set. Type a new one to replace it.' : 'Optional: sent as a bearer token to your webhook.'}
              value={webhookToken}
              onChange={(e) => setWebhookToken(e.currentTarget.value)}
              type="password"
              autoComplete="off"
            />
          </>
        ) : null}
        <Textarea
          label={agent === 'managed' ? 'System prompt' : 'System prompt (optional)'}
          description={agent === 'managed' ? 'The model’s instructions.' : 'Sent to your webhook as the system message.'}
          autosize
          minRows={2}
          maxRows={6}
          value={systemPrompt}
          onChange={(e) => setSystemPrompt(e.currentTarget.value)}
          required={agent === 'managed'}
        />
        <Input.Wrapper label="Media mode" description="Relay: the carrier does speech recognition and synthesis. Stream: raw audio through the gateway's own speech pipeline (VAD, STT, TTS, barge-in). Realtime: a speech-to-speech model hears and answers (managed numbers only).">
          <SegmentedControl
            mt={6}
            fullWidth
            value={mediaMode}
            onChange={setMediaMode}
            data={[
              { value: 'relay', label: 'Relay (text turns)' },
              { value: 'stream', label: 'Stream (audio)' },
              { value: 'realtime', label: 'Realtime (speech)', disabled: agent === 'webhook' },
            ]}
          />
        </Input.Wrapper>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Voice" description={mediaMode !== 'relay' ? 'A speech-model voice, e.g. alloy.' : 'A ConversationRelay voice id.'} value={voice} onChange={(e) => setVoice(e.currentTarget.value)} miw={200} />
          <TextInput label="First message" description="Spoken when a call connects." placeholder="Hi, this is Acme. How can I help?" value={firstMessage} onChange={(e) => setFirstMessage(e.currentTarget.value)} miw={200} />
        </Group>
        {mediaMode !== 'relay' && (
          <Group grow wrap="wrap">
            <NumberInput label="Endpointing (ms)" description="Silence that ends the caller's turn." min={100} max={5000} step={50} value={endpointing} onChange={setEndpointing} miw={180} />
            {mediaMode === 'stream' && <NumberInput label="Barge-in (ms)" description="Speech that interrupts the agent; 0 = off." min={0} max={5000} step={50} value={bargeIn} onChange={setBargeIn} miw={180} />}
          </Group>
        )}
        <Group grow wrap="wrap">
          {!number && <TextInput label="Area code" description="Optional, three digits." maxLength={3} value={areaCode} onChange={(e) => setAreaCode(e.currentTarget.value)} miw={160} />}
          <Select
            label="Inbound calls"
            data={[
              { value: 'autopilot', label: 'Answered by the agent' },
              { value: 'off', label: 'Politely refused' },
            ]}
            value={inbound}
            onChange={(v) => v && setInbound(v)}
            allowDeselect={false}
            miw={180}
          />
        </Group>
        <Switch
          label="Record calls"
          description={mediaMode === 'relay' ? 'Twilio records relay calls; you fetch them through Agentline.' : 'A two-channel WAV: the caller left, the agent right.'}
          checked={recording}
          onChange={(e) => setRecording(e.currentTarget.checked)}
        />
        <ErrorNotice error={error} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {number ? 'Save changes' : 'Create number'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
