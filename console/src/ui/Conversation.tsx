import { Badge, Box, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import type { Turn } from '../api/types';
import { when } from './format';
import { TimingBar, timingTotal } from './TimingBar';

// A call's transcript as a conversation: the caller on the right, the agent on the left with
// its latency bar, barge-ins marked, tool calls shown under the turn that made them.

interface ToolCallShape {
  function?: { name?: string; arguments?: string };
  name?: string;
  arguments?: unknown;
}

function ToolCalls({ calls }: { calls: unknown[] }) {
  return (
    <Stack gap={4} mt={6}>
      {calls.map((raw, i) => {
        const c = raw as ToolCallShape;
        const name = c.function?.name ?? c.name ?? 'tool';
        const args = c.function?.arguments ?? (typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {}));
        return (
          <Group key={i} gap={6} wrap="nowrap" data-testid="tool-call">
            <IconTool size={14} color="var(--mantine-color-violet-6)" />
            <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {name}({args})
            </Code>
          </Group>
        );
      })}
    </Stack>
  );
}

export interface LiveLine {
  speaker: 'caller' | 'agent' | 'system';
  text: string;
  interrupted?: boolean;
  pending?: boolean;
}

export function Conversation({ turns, live = [] }: { turns: Turn[]; live?: LiveLine[] }) {
  const scale = Math.max(800, ...turns.map((t) => timingTotal(t.timings)));
  const lines: (Turn | (LiveLine & { id: string }))[] = [...turns, ...live.map((l, i) => ({ ...l, id: `live-${i}` }))];
  return (
    <Stack gap="sm" data-testid="conversation">
      {lines.map((t) => {
        const turn = 'seq' in t ? t : null;
        if (t.speaker === 'system') {
          return (
            <Text key={t.id} size="xs" c="dimmed" ta="center" fs="italic">
              {t.text}
            </Text>
          );
        }
        const caller = t.speaker === 'caller';
        return (
          <Box key={t.id} style={{ display: 'flex', justifyContent: caller ? 'flex-end' : 'flex-start' }}>
            <Box maw="min(640px, 88%)" miw={caller ? undefined : 'min(360px, 88%)'}>
              <Group gap={6} mb={3} justify={caller ? 'flex-end' : 'flex-start'}>
                <Text size="xs" fw={600} c={caller ? 'teal.7' : 'indigo.7'}>
                  {caller ? 'Caller' : 'Agent'}
                </Text>
                {turn && (
                  <Text size="xs" c="dimmed">
                    {when(turn.started_at)}
                  </Text>
                )}
                {t.interrupted && (
                  <Badge size="xs" color="orange" variant="light" radius="sm" data-testid="interrupted">
                    interrupted
                  </Badge>
                )}
              </Group>
              <Paper
                radius="lg"
                px="md"
                py={8}
                data-testid={`turn-${t.speaker}`}
                style={{
                  background: caller ? 'var(--mantine-color-teal-6)' : 'white',
                  color: caller ? 'white' : undefined,
                  border: caller ? undefined : '1px solid var(--mantine-color-gray-3)',
                  borderTopRightRadius: caller ? 4 : undefined,
                  borderTopLeftRadius: caller ? undefined : 4,
                  opacity: 'pending' in t && t.pending ? 0.7 : 1,
                }}
              >
                {t.text === '' && t.interrupted ? (
                  <Text size="sm" fs="italic" c="dimmed">
                    Cut off by the caller before any of it was heard
                  </Text>
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {t.text || '…'}
                    {t.interrupted && <span style={{ opacity: 0.6 }}> —</span>}
                  </Text>
                )}
                {turn?.tool_calls && turn.tool_calls.length > 0 && <ToolCalls calls={turn.tool_calls} />}
                {turn?.error && (
                  <Text size="xs" c="red" mt={4}>
                    {turn.error}
                  </Text>
                )}
              </Paper>
              {turn && !caller && <TimingBar timings={turn.timings} scaleMs={scale} />}
            </Box>
          </Box>
        );
      })}
    </Stack>
  );
}
