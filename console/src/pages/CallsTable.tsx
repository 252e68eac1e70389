import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight } from '@tabler/icons-react';
import { useEffect } from 'react';
import { api } from '../api/client';
import type { Call } from '../api/types';
import { useLink, useRoute } from '../router';
import { StatusBadge } from '../ui/bits';
import { duration, money, phone, when } from '../ui/format';

export const LIVE_STATUSES = new Set(['queued', 'ringing', 'in-progress']);

/** Calls still going are fetched again every 2 s, so their status and duration move without a reload. */
export function useLiveCalls(items: Call[], setItems: (fn: (prev: Call[]) => Call[]) => void) {
  const liveIds = items.filter((c) => LIVE_STATUSES.has(c.status)).map((c) => c.id).join(',');
  useEffect(() => {
    if (!liveIds) return;
    const t = setInterval(async () => {
      const fresh = await Promise.all(liveIds.split(',').map((id) => api.get<{ data: Call }>(`/v1/calls/${id}`).then((r) => r.data, () => null)));
      const byId = new Map(fresh.filter((c): c is Call => c !== null).map((c) => [c.id, c]));
      setItems((prev) => prev.map((c) => byId.get(c.id) ?? c));
    }, 2000);
    return () => clearInterval(t);
  }, [liveIds, setItems]);
}

export function CallsTable({ calls }: { calls: Call[] }) {
  const { navigate } = useRoute();
  const link = useLink();
  return (
    <Card withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={680}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="calls-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Call</Table.Th>
              <Table.Th>From → To</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Turns</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.map((c) => (
              <Table.Tr key={c.id} onClick={() => navigate(`/calls/${c.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {c.direction === 'inbound' ? <IconArrowDownLeft size={16} color="var(--mantine-color-teal-6)" /> : <IconArrowUpRight size={16} color="var(--mantine-color-indigo-6)" />}
                    <div>
                      <Anchor {...link(`/calls/${c.id}`)} size="sm" fw={500}>
                        {when(c.created_at)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {c.direction}
                        {!c.livemode && (
                          <Badge ml={6} size="xs" variant="outline" color="orange" radius="sm">
                            test
                          </Badge>
                        )}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {phone(c.from)} → {phone(c.to)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                  {c.end_reason && c.status !== 'in-progress' && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {c.end_reason.replaceAll('_', ' ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.status === 'in-progress' && c.answered_at ? duration((Date.now() - Date.parse(c.answered_at)) / 1000) : duration(c.duration_seconds)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.turn_count}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{money(c.cost_cents)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
