import { Alert, Anchor, Badge, Button, Card, Code, CopyButton, Group, Modal, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Page, Webhook } from '../api/types';
import { useLink, useRoute } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader, StatusBadge, WriteButton } from '../ui/bits';
import { when } from '../ui/format';
import { usePaged } from '../ui/hooks';

export const EVENT_TYPES = [
  '*', 'call.started', 'call.ended', 'call.transcript.ready', 'sms.received', 'sms.sent', 'sms.delivered', 'sms.failed',
  'number.provisioned', 'number.updated', 'number.released', 'number.renewed', 'number.renewal_failed', 'credits.purchased', 'credits.low',
  'webhook_endpoint.disabled', 'webhook.test', 'contact.created', 'lead.created', 'lead.converted', 'deal.stage_changed', 'ticket.created',
  'ticket.updated', 'invoice.paid', 'task.created',
];

function CreateWebhook({ onCreated, onCancel }: { onCreated(w: Webhook): void; onCancel(): void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [types, setTypes] = useState<string[]>(['*']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const res = await api.post<{ data: Webhook }>('/v1/webhooks', { url: url.trim(), event_types: types, ...(name.trim() ? { name: name.trim() } : {}) });
          onCreated(res.data);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack gap="sm">
        <TextInput label="URL" placeholder="https://example.com/agentline/events" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required />
        <TextInput label="Name" placeholder="Production CRM sync" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <MultiSelect label="Events" description="* receives every event." data={EVENT_TYPES} value={types} onChange={setTypes} searchable required />
        <ErrorNotice error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add endpoint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Webhooks() {
  const { navigate } = useRoute();
  const link = useLink();
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<Webhook | null>(null);
  const list = usePaged((cursor) => api.get<Page<Webhook>>('/v1/webhooks', { cursor, limit: 25 }), []);
  const add = (
    <WriteButton leftSection={<IconPlus size={16} />} onClick={open}>
      Add endpoint
    </WriteButton>
  );
  return (
    <>
      <PageHeader title="Webhooks" description="Endpoints that receive signed events (Standard Webhooks), and every delivery." actions={add} />
      {created?.secret && (
        <Alert color="green" variant="light" mb="md" title="Endpoint added: copy its signing secret now" withCloseButton onClose={() => setCreated(null)}>
          <Group gap="xs">
            <Code>{created.secret}</Code>
            <CopyButton value={created.secret}>{({ copied, copy }) => <Button size="compact-xs" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
          <Text size="xs" mt={4}>
            It is shown only this once; rotate it from the endpoint's page if it is lost.
          </Text>
        </Alert>
      )}
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title="No webhook endpoints" icon={<IconWebhook size={26} />} action={add}>
          Add an endpoint to get call, SMS and billing events pushed to your server, signed so you can verify them.
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={620}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Endpoint</Table.Th>
                  <Table.Th>Events</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((w) => (
                  <Table.Tr key={w.id} onClick={() => navigate(`/webhooks/${w.id}`)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Anchor {...link(`/webhooks/${w.id}`)} size="sm" fw={600}>
                        {w.name ?? w.url}
                      </Anchor>
                      {w.name && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {w.url}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {w.event_types.slice(0, 3).map((t) => (
                          <Badge key={t} size="sm" variant="light" radius="sm">
                            {t === '*' ? 'all events' : t}
                          </Badge>
                        ))}
                        {w.event_types.length > 3 && <Text size="xs">+{w.event_types.length - 3}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={w.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {when(w.created_at)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
      <Modal opened={opened} onClose={close} title={<Text fw={600}>Add a webhook endpoint</Text>} size="lg">
        <CreateWebhook
          onCancel={close}
          onCreated={(w) => {
            close();
            setCreated(w);
            list.setItems((prev) => [w, ...prev]);
          }}
        />
      </Modal>
    </>
  );
}
