import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { Sms } from '../api/types';
import { StatusBadge } from '../ui/bits';
import { phone, when } from '../ui/format';

/** Messages as a chat: ours (outbound) on the right, theirs on the left. */
export function SmsBubbles({ messages }: { messages: Sms[] }) {
  return (
    <Stack gap="xs">
      {messages.map((m) => {
        const ours = m.direction === 'outbound';
        return (
          <Box key={m.id} style={{ display: 'flex', justifyContent: ours ? 'flex-end' : 'flex-start' }}>
            <Box maw="min(560px, 85%)">
              <Paper
                radius="lg"
                px="md"
                py={8}
                style={{
                  background: ours ? 'var(--mantine-color-indigo-6)' : 'white',
                  color: ours ? 'white' : undefined,
                  border: ours ? undefined : '1px solid var(--mantine-color-gray-3)',
                }}
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
              </Paper>
              <Group gap={6} mt={3} justify={ours ? 'flex-end' : 'flex-start'}>
                <Text size="xs" c="dimmed">
                  {when(m.created_at)} · {m.segments} seg
                </Text>
                {m.agent_reply && (
                  <Badge size="xs" variant="light" radius="sm">
                    agent
                  </Badge>
                )}
                {ours && <StatusBadge status={m.status} />}
                {m.error_message && (
                  <Text size="xs" c="red">
                    {m.error_message}
                  </Text>
                )}
              </Group>
            </Box>
          </Box>
        );
      })}
    </Stack>
  );
}

export const counterpartOf = (m: Sms) => (m.direction === 'inbound' ? m.from : m.to);
export const ourNumberOf = (m: Sms) => (m.direction === 'inbound' ? m.to : m.from);
export const threadLabel = (m: Sms) => `${phone(counterpartOf(m))}`;
