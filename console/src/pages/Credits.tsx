import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCoins, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Balance, LedgerEntry, Page } from '../api/types';
import { useLink } from '../router';
import { useSession } from '../session';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader, WriteButton } from '../ui/bits';
import { money, signedMoney, when } from '../ui/format';
import { useLoad, usePaged } from '../ui/hooks';

const KINDS = ['purchase', 'number_fee', 'call_minutes', 'sms', 'refund', 'adjustment'];
const KIND_COLORS: Record<string, string> = { purchase: 'green', number_fee: 'orange', call_minutes: 'indigo', sms: 'teal', refund: 'cyan', adjustment: 'gray' };

const RELATED: Record<string, string> = { call: '/calls/', number: '/numbers/' };

export function Credits() {
  const { test } = useSession();
  const link = useLink();
  const balance = useLoad(() => api.get<{ data: Balance }>('/v1/credits/balance').then((r) => r.data), []);
  const [kind, setKind] = useState<string | null>(null);
  const ledger = usePaged((cursor) => api.get<Page<LedgerEntry>>('/v1/credits/ledger', { cursor, limit: 25, kind: kind ?? undefined }), [kind]);
  const [amount, setAmount] = useState<number | string>(10); // dollars
  const [buyError, setBuyError] = useState<unknown>(null);
  const [buying, setBuying] = useState(false);

  const buy = async () => {
    setBuying(true);
    setBuyError(null);
    try {
      await api.post('/v1/credits/purchase', { amount_cents: Math.round(Number(amount) * 100) }, { idempotent: true });
      await Promise.all([balance.reload(), ledger.reload()]);
    } catch (err) {
      setBuyError(err);
    } finally {
      setBuying(false);
    }
  };

  return (
    <>
      <PageHeader title="Credits" description="Prepaid credits: every charge and purchase, with the balance after it." />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
        <Card withBorder radius="md" padding="lg">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            Balance
          </Text>
          <Text fz={34} fw={700} data-testid="credits-balance">
            {balance.data ? money(balance.data.balance_cents) : '…'}
          </Text>
          <Text size="xs" c="dimmed">
            {test ? 'Test credits: spent by test calls, SMS and numbers.' : 'Live credits.'}
          </Text>
          <ErrorNotice error={balance.error} />
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Group gap={6} mb="xs">
            <IconCoins size={18} />
            <Title order={5}>Buy credits</Title>
          </Group>
          {test ? (
            <Stack gap="xs">
              <Group align="flex-end" wrap="wrap">
                <NumberInput
                  label="Amount"
                  description="In packs of $10.00"
                  value={amount}
                  onChange={setAmount}
                  min={10}
                  step={10}
                  prefix="$"
                  thousandSeparator
                  allowDecimal={false}
                  w={180}
                  aria-label="Amount in dollars"
                />
                <WriteButton leftSection={<IconPlus size={16} />} onClick={buy} loading={buying}>
                  Add {money(Math.round((Number(amount) || 0) * 100))}
                </WriteButton>
              </Group>
              <ErrorNotice error={buyError} />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Test credits can be bought here with a test key. Live credits are bought with POST /v1/credits/purchase by your billing integration.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder radius="md" p={0}>
        <Group justify="space-between" p="md" wrap="wrap">
          <Title order={4}>Ledger</Title>
          <Select placeholder="All kinds" data={KINDS} value={kind} onChange={setKind} clearable w={180} aria-label="Kind" />
        </Group>
        <ErrorNotice error={ledger.error} />
        {ledger.loading && ledger.items.length === 0 && <Loading />}
        {!ledger.loading && ledger.items.length === 0 && !ledger.error && (
          <div style={{ padding: 16 }}>
            <EmptyState title="Nothing in the ledger yet">{test ? 'Buy test credits above to get started.' : 'Charges appear here as calls, SMS and numbers are billed.'}</EmptyState>
          </div>
        )}
        {ledger.items.length > 0 && (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped data-testid="ledger-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Balance after</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.items.map((e) => {
                  const rel = e.related_resource;
                  const to = rel && RELATED[rel.type] ? `${RELATED[rel.type]}${rel.id}` : null;
                  return (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Text size="sm">{when(e.created_at)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={KIND_COLORS[e.kind] ?? 'gray'} radius="sm">
                          {e.kind.replace('_', ' ')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {to ? (
                          <Button variant="subtle" size="compact-sm" px={0} component="a" {...link(to)}>
                            {e.description}
                          </Button>
                        ) : (
                          <Text size="sm">{e.description}</Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" ff="monospace" c={e.amount_cents < 0 ? 'red.7' : 'green.7'}>
                          {signedMoney(e.amount_cents)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" ff="monospace" fw={500}>
                          {money(e.balance_after_cents)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore hasMore={ledger.hasMore} loading={ledger.loading} onMore={ledger.more} />
    </>
  );
}
