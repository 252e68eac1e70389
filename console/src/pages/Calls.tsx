import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhoneCall, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Call, Page } from '../api/types';
import { useLink } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader } from '../ui/bits';
import { usePaged } from '../ui/hooks';
import { CallsTable, useLiveCalls } from './CallsTable';

const STATUSES = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'];

export function Calls() {
  const link = useLink();
  const [status, setStatus] = useState<string | null>(null);
  const [direction, setDirection] = useState<string | null>(null);
  const [party, setParty] = useState('');
  const [partyQuery] = useDebouncedValue(party.trim(), 400);
  const list = usePaged(
    (cursor) => api.get<Page<Call>>('/v1/calls', { cursor, limit: 25, status: status ?? undefined, direction: direction ?? undefined, from: partyQuery || undefined }),
    [status, direction, partyQuery],
  );
  useLiveCalls(list.items, list.setItems);
  const filtered = Boolean(status || direction || partyQuery);

  return (
    <>
      <PageHeader
        title="Calls"
        description="Every call, newest first. Calls in progress update live."
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void list.reload()}>
            Refresh
          </Button>
        }
      />
      <Paper withBorder radius="md" p="sm" mb="md">
        <Group gap="sm" wrap="wrap">
          <Select placeholder="Any status" data={STATUSES} value={status} onChange={setStatus} clearable w={170} aria-label="Status" />
          <Select placeholder="Both directions" data={['inbound', 'outbound']} value={direction} onChange={setDirection} clearable w={170} aria-label="Direction" />
          <TextInput placeholder="From number" leftSection={<IconSearch size={16} />} value={party} onChange={(e) => setParty(e.currentTarget.value)} w={220} aria-label="From number" />
        </Group>
      </Paper>
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState
          title={filtered ? 'No calls match these filters' : 'No calls yet'}
          icon={<IconPhoneCall size={26} />}
          action={
            !filtered && (
              <Button variant="light" component="a" {...link('/numbers')}>
                Go to your numbers
              </Button>
            )
          }
        >
          {filtered ? 'Clear a filter to see more.' : 'Open a test number and press Call to talk to its agent from this browser, or place a call with POST /v1/calls.'}
        </EmptyState>
      )}
      {list.items.length > 0 && <CallsTable calls={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
    </>
  );
}
