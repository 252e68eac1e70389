import { ActionIcon, Alert, Anchor, Badge, Box, Button, Group, Modal, Paper, Popover, ScrollArea, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDialpad, IconMicrophone, IconMicrophoneOff, IconPhone, IconPhoneOff, IconSend, IconWaveSine } from '@tabler/icons-react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, api } from '../api/client';
import type { PhoneNumber, SoftphoneTicket } from '../api/types';
import { useLink } from '../router';
import { Conversation } from '../ui/Conversation';
import { duration, phone } from '../ui/format';
import type { CallBase } from './call-state';
import { MediaCall } from './media-call';
import { TextCall } from './text-call';

// The browser softphone: asks the API (with the bearer key) for a single-use ticket, then opens
// the simulated carrier's socket with it: Media Streams audio for a stream number, text for a
// relay number. Test numbers only; metered against test credits like every test call.

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function useCall(call: CallBase | null) {
  const empty = useRef({ phase: 'connecting' as const, callId: null, lines: [], error: null, agentSpeaking: false, muted: false, connectedAt: null, playedMs: 0 });
  return useSyncExternalStore(call?.subscribe ?? (() => () => {}), call?.snapshot ?? (() => empty.current));
}

function Elapsed({ since }: { since: number | null }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  return <>{since ? duration((Date.now() - since) / 1000) : ''}</>;
}

export function SoftphonePanel({ number, opened, onClose }: { number: PhoneNumber; opened: boolean; onClose(ended: boolean): void }) {
  const [call, setCall] = useState<CallBase | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const state = useCall(call);
  const link = useLink();
  const audio = number.media_mode !== 'relay';
  const scroller = useRef<HTMLDivElement>(null);

  const start = async () => {
    setStartError(null);
    let mic: MediaCall | null = null;
    try {
      if (audio) {
        mic = new MediaCall();
        setCall(mic);
        if (!(await mic.openMic())) return;
      }
      const { data: t } = await api.post<{ data: SoftphoneTicket }>('/v1/softphone/tickets', { to: number.phone_number });
      if (mic) {
        await mic.start(t.socket_path, t.to, t.ticket);
      } else {
        const c = new TextCall();
        setCall(c);
        c.start(t.socket_path, t.to, t.ticket);
      }
    } catch (err) {
      mic?.abandon();
      setStartError(err instanceof ApiError ? err.message : String(err));
    }
  };

  useEffect(() => {
    if (opened && !call) void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
  }, [state.lines.length, state.lines.at(-1)?.text]);

  const close = () => {
    call?.hangup();
    setCall(null);
    onClose(true);
  };

  const ended = state.phase === 'ended' || startError !== null;
  const error = startError ?? state.error;
  const status = error && state.phase !== 'connected' ? 'Could not connect' : state.phase === 'connecting' ? 'Connecting…' : state.phase === 'connected' ? 'On the call' : 'Call ended';

  return (
    <Modal opened={opened} onClose={close} closeOnEscape={false} closeOnClickOutside={false} size="lg" radius="lg" padding={0} withCloseButton={false} fullScreen={window.innerWidth < 576}>
      <div data-testid="softphone" data-played-ms={Math.round(state.playedMs)} data-phase={state.phase}>
      <Box data-testid="softphone-head" p="md" style={{ background: 'linear-gradient(135deg, var(--mantine-color-indigo-7), var(--mantine-color-violet-7))', color: 'white' }}>
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text size="xs" opacity={0.8} tt="uppercase" fw={600} style={{ letterSpacing: 0.6 }}>
              Browser softphone · {audio ? 'audio (stream)' : 'text (relay)'}
            </Text>
            <Text fz={22} fw={700} ff="monospace">
              {phone(number.phone_number)}
            </Text>
            <Group gap={8} mt={2}>
              <Text size="sm" data-testid="softphone-status">
                {status}
              </Text>
              {state.phase === 'connected' && (
                <Text size="sm" opacity={0.85} ff="monospace">
                  <Elapsed since={state.connectedAt} />
                </Text>
              )}
              {state.agentSpeaking && (
                <Badge color="white" c="indigo" size="sm" leftSection={<IconWaveSine size={12} />}>
                  agent speaking
                </Badge>
              )}
            </Group>
          </div>
          <IconPhone size={34} opacity={0.5} />
        </Group>
      </Box>
      <Stack p="md" gap="sm">
        {error && (
          <Alert color="red" variant="light" title="The call did not go through" data-testid="softphone-error">
            {error}
          </Alert>
        )}
        <ScrollArea h={320} viewportRef={scroller} type="auto" offsetScrollbars>
          {state.lines.length === 0 ? (
            <Text c="dimmed" size="sm" ta="center" mt="xl">
              {state.phase === 'connected' ? (audio ? 'Say something: the transcript appears here as you talk.' : 'Type a line below to talk to the agent.') : ended ? 'Nothing was said.' : 'Ringing the simulated carrier…'}
            </Text>
          ) : (
            <Conversation turns={[]} live={state.lines} />
          )}
        </ScrollArea>
        {!audio && state.phase === 'connected' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              (call as TextCall).say(text);
              setText('');
            }}
          >
            <Group gap="xs" wrap="nowrap">
              <TextInput style={{ flex: 1 }} placeholder="Say something…" value={text} onChange={(e) => setText(e.currentTarget.value)} aria-label="Message" autoFocus />
              <ActionIcon type="submit" size="lg" variant="filled" aria-label="Send">
                <IconSend size={18} />
              </ActionIcon>
            </Group>
          </form>
        )}
        <Paper withBorder radius="md" p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Popover position="top" withArrow shadow="md" disabled={state.phase !== 'connected'}>
                <Popover.Target>
                  <Button variant="default" leftSection={<IconDialpad size={16} />} disabled={state.phase !== 'connected'}>
                    Keypad
                  </Button>
                </Popover.Target>
                <Popover.Dropdown>
                  <SimpleGrid cols={3} spacing={6}>
                    {KEYS.map((k) => (
                      <Button key={k} variant="light" size="md" w={56} onClick={() => call?.dtmf(k)} aria-label={`Key ${k}`}>
                        {k}
                      </Button>
                    ))}
                  </SimpleGrid>
                </Popover.Dropdown>
              </Popover>
              {audio && (
                <Tooltip label={state.muted ? 'Unmute' : 'Mute'} withArrow>
                  <ActionIcon
                    size={36}
                    variant={state.muted ? 'filled' : 'default'}
                    color={state.muted ? 'red' : 'gray'}
                    onClick={() => (call as MediaCall).mute(!state.muted)}
                    disabled={state.phase !== 'connected'}
                    aria-label={state.muted ? 'Unmute' : 'Mute'}
                  >
                    {state.muted ? <IconMicrophoneOff size={18} /> : <IconMicrophone size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            {ended ? (
              <Group gap="xs">
                {state.callId && (
                  <Anchor {...link(`/calls/${state.callId}`)} size="sm" onClickCapture={() => (setCall(null), onClose(true))}>
                    Open the call record
                  </Anchor>
                )}
                <Button variant="light" onClick={() => (setCall(null), void start())} leftSection={<IconPhone size={16} />}>
                  Call again
                </Button>
                <Button variant="default" onClick={close}>
                  Close
                </Button>
              </Group>
            ) : (
              <Button color="red" leftSection={<IconPhoneOff size={16} />} onClick={() => call?.hangup()}>
                Hang up
              </Button>
            )}
          </Group>
        </Paper>
        <Text size="xs" c="dimmed">
          Test call through the simulated carrier, billed to test credits like any test call.
          {audio ? ' Your microphone is captured at 8 kHz, as on a phone line.' : ''}
        </Text>
      </Stack>
      </div>
    </Modal>
  );
}
