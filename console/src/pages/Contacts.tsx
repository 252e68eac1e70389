import { Anchor, Avatar, Badge, Card, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Contact, Page } from '../api/types';
import { useLink, useRoute } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader } from '../ui/bits';
import { phone, when } from '../ui/format';
import { usePaged } from '../ui/hooks';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export function Contacts() {
  const { navigate } = useRoute();
  const link = useLink();
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const list = usePaged((cursor) => api.get<Page<Contact>>('/v1/contacts', { cursor, limit: 25, query: query || undefined }), [query]);
  return (
    <>
      <PageHeader title="Contacts" description="The people your agents talk to, with everything that happened with each." />
      <Paper withBorder radius="md" p="sm" mb="md">
        <TextInput placeholder="Search by name, email, company or notes" leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} aria-label="Search contacts" />
      </Paper>
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState title={query ? `No contact matches “${query}”` : 'No contacts yet'} icon={<IconAddressBook size={26} />}>
          {query ? 'Try fewer words: every word matches as a prefix.' : 'Contacts are created with POST /v1/contacts, or by your agents when callers and texters are not known yet (a number’s crm.create_leads).'}
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Company</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((c) => (
                  <Table.Tr key={c.id} onClick={() => navigate(`/contacts/${c.id}`)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar radius="xl" color="indigo" size={32}>
                          {initials(c.name)}
                        </Avatar>
                        <div>
                          <Anchor {...link(`/contacts/${c.id}`)} size="sm" fw={600}>
                            {c.name}
                          </Anchor>
                          {c.email && (
                            <Text size="xs" c="dimmed">
                              {c.email}
                            </Text>
                          )}
                        </div>
                        {c.archived_at && (
                          <Badge size="xs" color="gray">
                            archived
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {c.phones[0] ? phone(c.phones[0]) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.company_name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {when(c.updated_at)}
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
    </>
  );
}
