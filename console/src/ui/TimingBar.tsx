import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { Turn } from '../api/types';

// One agent turn's latency, as a bar: waiting for silence (endpointing), STT, the agent's first
// token, TTS first byte, and what the gateway itself added. Bars share one scale on a page, so
// a slow turn looks slow next to the others.

export const TIMING_PARTS = [
  { key: 'endpointing_ms', label: 'Waiting for silence', short: 'silence', color: 'var(--mantine-color-gray-5)' },
  { key: 'stt_ms', label: 'Speech to text', short: 'STT', color: 'var(--mantine-color-cyan-5)' },
  { key: 'first_token_ms', label: 'Agent first token', short: 'agent', color: 'var(--mantine-color-indigo-5)' },
  { key: 'tts_first_byte_ms', label: 'TTS first byte', short: 'TTS', color: 'var(--mantine-color-grape-5)' },
  { key: 'gateway_added_ms', label: 'Gateway', short: 'gateway', color: 'var(--mantine-color-orange-5)' },
] as const;

export const timingTotal = (t: Turn['timings']) => Math.round(TIMING_PARTS.reduce((s, p) => s + (t[p.key] ?? 0), 0));
const ms = (v: number | null | undefined) => Math.round(v ?? 0);

export function TimingBar({ timings, scaleMs }: { timings: Turn['timings']; scaleMs: number }) {
  const parts = TIMING_PARTS.filter((p) => timings[p.key] !== null && timings[p.key] !== undefined);
  if (parts.length === 0) return null;
  const total = timingTotal(timings);
  return (
    <Box mt={6} data-testid="timing-bar">
      <Group gap={8} wrap="nowrap" align="center">
        <Box style={{ flex: 1, display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-gray-1)' }}>
          <Box style={{ display: 'flex', width: `${Math.min(100, (total / Math.max(scaleMs, 1)) * 100)}%` }}>
            {parts.map((p) => (
              <Tooltip key={p.key} label={`${p.label}: ${ms(timings[p.key])} ms`} withArrow>
                <Box style={{ flexGrow: timings[p.key] ?? 0, flexBasis: 0, minWidth: 3, background: p.color }} />
              </Tooltip>
            ))}
          </Box>
        </Box>
        <Text size="xs" c="dimmed" w={62} ta="right" ff="monospace">
          {total} ms
        </Text>
      </Group>
      <Group gap={10} mt={2}>
        {parts.map((p) => (
          <Text key={p.key} size="10px" c="dimmed">
            <span style={{ display: 'inline-block', width: 7, height: 7, borderRadius: 2, background: p.color, marginRight: 4 }} />
            {p.short} {ms(timings[p.key])}
          </Text>
        ))}
      </Group>
    </Box>
  );
}
