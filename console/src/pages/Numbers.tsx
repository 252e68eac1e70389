import { Anchor, Badge, Card, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPhonePlus } from '@tabler/icons-react';
import { api } from '../api/client';
import type { Page, PhoneNumber } from '../api/types';
import { useLink, useRoute } from '../router';
import { useSession } from '../session';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader, StatusBadge, WriteButton } from '../ui/bits';
import { phone, when } from '../ui/format';
import { usePaged } from '../ui/hooks';
import { NumberForm } from './NumberForm';

export function Numbers() {
  const { test } = useSession();
  const { navigate } = useRoute();
  const link = useLink();
  const [opened, { open, close }] = useDisclosure(false);
  const list = usePaged((cursor) => api.get<Page<PhoneNumber>>('/v1/numbers', { cursor, limit: 25 }), []);

  const create = (
    <WriteButton leftSection={<IconPhonePlus size={16} />} onClick={open}>
      New number
    </WriteButton>
  );
  return (
    <>
      <PageHeader title="Numbers" description={test ? 'Test numbers ring the simulated carrier: call them from this browser.' : 'Your phone numbers and the agents that answer them.'} actions={create} />
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title="No numbers yet" icon={<IconPhonePlus size={26} />} action={create}>
          Create a number and point it at your agent: a webhook (try <code>npx agentline example-agent</code>) or a managed model with a prompt.
          {test ? ' Then press Call on its page to talk to it from this browser.' : ''}
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="numbers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Agent</Table.Th>
                  <Table.Th>Media</Table.Th>
                  <Table.Th>First message</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((n) => (
                  <Table.Tr key={n.id} onClick={() => navigate(`/numbers/${n.id}`)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Anchor {...link(`/numbers/${n.id}`)} fw={600} ff="monospace" size="sm">
                        {phone(n.phone_number)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={n.mode === 'webhook' ? 'violet' : 'cyan'} radius="sm">
                        {n.mode}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{n.media_mode}</Text>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" c={n.first_message ? undefined : 'dimmed'} truncate>
                        {n.first_message ?? 'none'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={n.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {when(n.created_at)}
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
      <Modal opened={opened} onClose={close} title={<Text fw={600}>New number</Text>} size="lg">
        <NumberForm
          onCancel={close}
          onSaved={(n) => {
            close();
            list.setItems((prev) => [n, ...prev]);
          }}
        />
      </Modal>
    </>
  );
}
