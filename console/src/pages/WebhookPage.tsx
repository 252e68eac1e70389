import { Badge, Button, Card, Code, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh, IconSend } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { api } from '../api/client';
import type { Page, Webhook, WebhookDelivery } from '../api/types';
import { useLink } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader, StatusBadge, WriteButton } from '../ui/bits';
import { fullTime, when } from '../ui/format';
import { useLoad, usePaged } from '../ui/hooks';

function code(c: number | null) {
  if (c === null) return <Badge color="gray" variant="light" radius="sm">no answer</Badge>;
  return (
    <Badge color={c >= 200 && c < 300 ? 'green' : c >= 500 ? 'red' : 'orange'} variant="light" radius="sm" ff="monospace">
      {c}
    </Badge>
  );
}

export function WebhookPage({ id }: { id: string }) {
  const link = useLink();
  const hook = useLoad(() => api.get<{ data: Webhook }>(`/v1/webhooks/${id}`).then((r) => r.data), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const deliveries = usePaged((cursor) => api.get<Page<WebhookDelivery>>(`/v1/webhooks/${id}/deliveries`, { cursor, limit: 25, status: status ?? undefined }), [id, status]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (label: string, fn: () => Promise<unknown>) => {
    setBusy(label);
    setActionError(null);
    try {
      await fn();
      await deliveries.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
    }
  };

  if (hook.loading && !hook.data) return <Loading />;
  if (!hook.data) return <ErrorNotice error={hook.error} />;
  const w = hook.data;
  const toggle = (d: string) => setOpen((s) => (s.has(d) ? (s.delete(d), new Set(s)) : new Set(s.add(d))));

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            {w.name ?? 'Webhook endpoint'}
            <StatusBadge status={w.status} />
          </Group>
        }
        description={
          <>
            <Code>{w.url}</Code> · {w.id}
          </>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void deliveries.reload()}>
              Refresh
            </Button>
            <WriteButton leftSection={<IconSend size={16} />} loading={busy === 'test'} onClick={() => act('test', () => api.post(`/v1/webhooks/${id}/test`))}>
              Send test event
            </WriteButton>
          </>
        }
      />
      <ErrorNotice error={actionError} />
      <Card withBorder radius="md" padding="lg" mb="md">
        <Group gap="xl" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Events
            </Text>
            <Group gap={4} mt={4}>
              {w.event_types.map((t) => (
                <Badge key={t} variant="light" radius="sm">
                  {t === '*' ? 'all events' : t}
                </Badge>
              ))}
            </Group>
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Signing secret
            </Text>
            <Code>{w.secret_preview}</Code>
          </div>
          {w.failing_since && (
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Failing since
              </Text>
              <Text size="sm" c="red">
                {fullTime(w.failing_since)}
              </Text>
            </div>
          )}
          {w.disabled_reason && (
            <Text size="sm" c="red">
              Disabled: {w.disabled_reason}
            </Text>
          )}
        </Group>
      </Card>
      <Card withBorder radius="md" p={0}>
        <Group justify="space-between" p="md">
          <Title order={4}>Deliveries</Title>
          <Select placeholder="Any status" data={['pending', 'succeeded', 'failed']} value={status} onChange={setStatus} clearable w={160} aria-label="Delivery status" />
        </Group>
        <ErrorNotice error={deliveries.error} />
        {deliveries.loading && deliveries.items.length === 0 && <Loading />}
        {!deliveries.loading && deliveries.items.length === 0 && !deliveries.error && (
          <div style={{ padding: 16 }}>
            <EmptyState title="No deliveries yet">Send a test event to check that your endpoint answers 2xx.</EmptyState>
          </div>
        )}
        {deliveries.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="deliveries-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last code</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.items.map((d) => (
                  <Fragment key={d.id}>
                    <Table.Tr onClick={() => toggle(d.id)} style={{ cursor: 'pointer' }}>
                      <Table.Td w={28}>{open.has(d.id) ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {d.event_type}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {d.event_id}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>{d.attempt_count}</Table.Td>
                      <Table.Td>{d.attempt_count ? code(d.last_status_code) : '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{when(d.created_at)}</Text>
                        {d.next_attempt_at && d.status === 'pending' && (
                          <Text size="xs" c="dimmed">
                            next try {when(d.next_attempt_at)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" onClick={(e) => e.stopPropagation()}>
                        {d.status !== 'succeeded' && (
                          <WriteButton size="xs" variant="light" loading={busy === d.id} onClick={() => act(d.id, () => api.post(`/v1/webhooks/${id}/deliveries/${d.id}/retry`))}>
                            Retry now
                          </WriteButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr style={{ display: open.has(d.id) ? undefined : 'none' }}>
                      <Table.Td colSpan={7} bg="var(--mantine-color-gray-0)">
                          {d.attempts.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              Not attempted yet.
                            </Text>
                          ) : (
                            <Stack gap={4}>
                              {d.attempts.map((a, i) => (
                                <Group key={i} gap="md" wrap="wrap">
                                  <Text size="xs" c="dimmed" w={150}>
                                    #{i + 1} · {fullTime(a.attempted_at)}
                                  </Text>
                                  {code(a.status_code)}
                                  <Text size="xs" ff="monospace">
                                    {a.latency_ms} ms
                                  </Text>
                                  {a.error && (
                                    <Text size="xs" c="red">
                                      {a.error}
                                    </Text>
                                  )}
                                </Group>
                              ))}
                            </Stack>
                          )}
                      </Table.Td>
                    </Table.Tr>
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore hasMore={deliveries.hasMore} loading={deliveries.loading} onMore={deliveries.more} />
      <Button variant="subtle" mt="sm" component="a" {...link('/webhooks')}>
        ← All endpoints
      </Button>
    </>
  );
}
