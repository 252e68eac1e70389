import { Badge, Box, Card, Grid, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { api } from '../api/client';
import { collectWhile } from '../api/collect';
import type { Page, Sms } from '../api/types';
import { useRoute } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader } from '../ui/bits';
import { phone, when } from '../ui/format';
import { useLoad, usePaged } from '../ui/hooks';
import { counterpartOf, ourNumberOf, SmsBubbles } from './SmsList';

// SMS as threads: one per (your number, the other party). Opt-out state follows the thread's
// last STOP / START keyword, as the gateway applies them.

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const keyword = (body: string) => {
  const w = body.trim().replace(/[.!?]+$/, '').toUpperCase();
  return STOP.has(w) ? 'stop' : START.has(w) ? 'start' : null;
};

interface Thread {
  key: string;
  numberId: string;
  ours: string;
  counterpart: string;
  last: Sms;
  count: number;
  optedOut: boolean;
}

/** Newest first: the first keyword met is the one in force. */
function optedOut(messages: Sms[]): boolean {
  for (const m of messages) {
    if (m.direction === 'inbound') {
      const k = keyword(m.body);
      if (k) return k === 'stop';
    }
    if (m.error_code === 'recipient_opted_out') return true;
  }
  return false;
}

async function loadThreads(): Promise<{ threads: Thread[]; truncated: boolean }> {
  const { items, truncated } = await collectWhile<Sms>('/v1/sms', {}, () => true, 10);
  const map = new Map<string, Sms[]>();
  for (const m of items) {
    const key = `${m.number_id}|${counterpartOf(m)}`;
    map.set(key, [...(map.get(key) ?? []), m]);
  }
  const threads = [...map.entries()].map(([key, msgs]) => ({
    key,
    numberId: msgs[0]!.number_id,
    ours: ourNumberOf(msgs[0]!),
    counterpart: counterpartOf(msgs[0]!),
    last: msgs[0]!,
    count: msgs.length,
    optedOut: optedOut(msgs),
  }));
  return { threads, truncated };
}

function ThreadView({ thread }: { thread: Thread }) {
  const list = usePaged((cursor) => api.get<Page<Sms>>('/v1/sms', { number_id: thread.numberId, counterpart: thread.counterpart, cursor, limit: 50 }), [thread.key]);
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <div>
          <Title order={4} ff="monospace">
            {phone(thread.counterpart)}
          </Title>
          <Text size="xs" c="dimmed">
            with your number {phone(thread.ours)}
          </Text>
        </div>
        {thread.optedOut ? (
          <Badge color="red" variant="light" data-testid="opted-out">
            opted out (STOP)
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            subscribed
          </Badge>
        )}
      </Group>
      <ErrorNotice error={list.error} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
      {list.loading && list.items.length === 0 ? <Loading /> : <SmsBubbles messages={[...list.items].reverse()} />}
      {thread.optedOut && (
        <Text size="xs" c="dimmed" mt="md">
          They replied STOP: messages to them are refused until they reply START.
        </Text>
      )}
    </Card>
  );
}

export function SmsPage() {
  const { search, navigate } = useRoute();
  const { data, error, loading } = useLoad(loadThreads, [], { pollMs: 10_000 });
  const selected = search.get('thread');
  const threads = data?.threads ?? [];
  const current = threads.find((t) => t.key === selected) ?? threads[0];

  return (
    <>
      <PageHeader title="SMS" description="Conversations per person, newest first." />
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && threads.length === 0 && (
        <EmptyState title="No messages yet" icon={<IconMessage size={26} />}>
          Text one of your numbers (in test mode: POST /v1/sms/test-inbound) or send one with POST /v1/sms. Threads appear here.
        </EmptyState>
      )}
      {threads.length > 0 && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <Card withBorder radius="md" p={4}>
              <Box mah={600} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
                <Stack gap={2}>
                  {threads.map((t) => {
                    const active = current?.key === t.key;
                    return (
                      <UnstyledButton
                        key={t.key}
                        onClick={() => navigate(`/sms?thread=${encodeURIComponent(t.key)}`, { replace: true })}
                        p="sm"
                        style={{ borderRadius: 8, background: active ? 'var(--mantine-color-indigo-light)' : undefined, display: 'block', width: '100%' }}
                        data-testid="sms-thread"
                      >
                        <Group justify="space-between" wrap="nowrap" gap="xs">
                          <Text size="sm" fw={600} ff="monospace" c={active ? 'indigo.7' : undefined}>
                            {phone(t.counterpart)}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {when(t.last.created_at)}
                          </Text>
                        </Group>
                        <Group gap={6} wrap="nowrap" mt={2}>
                          <Text size="xs" c="dimmed" truncate style={{ flex: 1, minWidth: 0 }}>
                            {t.last.direction === 'outbound' ? 'You: ' : ''}
                            {t.last.body}
                          </Text>
                          {t.optedOut && (
                            <Badge size="xs" color="red" variant="light">
                              STOP
                            </Badge>
                          )}
                        </Group>
                      </UnstyledButton>
                    );
                  })}
                </Stack>
              </Box>
              {data?.truncated && (
                <Text size="xs" c="dimmed" p="xs">
                  Showing threads from the latest 1,000 messages.
                </Text>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>{current && <ThreadView thread={current} />}</Grid.Col>
        </Grid>
      )}
    </>
  );
}
