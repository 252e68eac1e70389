import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCoins, IconMessage, IconPhoneCall, IconWaveSine } from '@tabler/icons-react';
import { api } from '../api/client';
import { collectWhile } from '../api/collect';
import type { AgentEvent, Balance, Call, LedgerEntry, Page, Sms } from '../api/types';
import { useLink } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading, PageHeader } from '../ui/bits';
import { dayKey, money } from '../ui/format';
import { useLoad } from '../ui/hooks';
import { type DaySpend, SpendChart } from '../ui/SpendChart';

const DEFAULT_LOW_BALANCE_CENTS = 500;
const minutes = (n: number) => `${n} billed minute${n === 1 ? '' : 's'}`;

async function loadOverview() {
  const now = new Date();
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const since = new Date(midnight.getTime() - 29 * 86_400_000);
  const [balance, ledger, callsToday, smsToday, live, low] = await Promise.all([
    api.get<{ data: Balance }>('/v1/credits/balance'),
    collectWhile<LedgerEntry>('/v1/credits/ledger', {}, (e) => Date.parse(e.created_at) >= since.getTime()),
    collectWhile<Call>('/v1/calls', { created_after: midnight.toISOString() }, () => true, 5),
    collectWhile<Sms>('/v1/sms', {}, (s) => Date.parse(s.created_at) >= midnight.getTime(), 5),
    api.get<Page<Call>>('/v1/calls', { status: 'in-progress', limit: 100 }),
    api.get<Page<AgentEvent>>('/v1/events', { type: 'credits.low', limit: 1 }),
  ]);
  const days: DaySpend[] = [];
  for (let i = 0; i < 30; i++) days.push({ day: dayKey(new Date(since.getTime() + i * 86_400_000 + 3_600_000)), calls: 0, sms: 0, numbers: 0 });
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const e of ledger.items) {
    const d = byDay.get(dayKey(new Date(e.created_at)));
    if (!d || e.amount_cents >= 0) continue;
    if (e.kind === 'call_minutes') d.calls += -e.amount_cents;
    else if (e.kind === 'sms') d.sms += -e.amount_cents;
    else if (e.kind === 'number_fee') d.numbers += -e.amount_cents;
  }
  const threshold = Number((low.data[0]?.data as { threshold_cents?: number } | undefined)?.threshold_cents ?? DEFAULT_LOW_BALANCE_CENTS);
  return { balance: balance.data, days, callsToday, smsToday, live: live.data.length, threshold };
}

function Stat({ label, value, hint, icon, color }: { label: string; value: React.ReactNode; hint?: React.ReactNode; icon: React.ReactNode; color: string }) {
  return (
    <Card withBorder radius="md" padding="lg" px={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
            {label}
          </Text>
          <Text fz={{ base: 22, sm: 28 }} fw={700} mt={4} data-testid={`stat-${label.toLowerCase().replace(/\W+/g, '-')}`}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed" mt={2}>
              {hint}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" color={color} size={40} radius="md" visibleFrom="sm">
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

export function Overview() {
  const { me, test } = useSession();
  const link = useLink();
  const { data, error, loading } = useLoad(loadOverview, [], { pollMs: 10_000 });
  const plus = (r: { items: unknown[]; truncated: boolean }) => `${r.items.length}${r.truncated ? '+' : ''}`;
  return (
    <>
      <PageHeader title="Overview" description={`${me.workspace.name} · ${test ? 'test mode' : 'live mode'}`} />
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <Stack gap="md">
          {data.balance.balance_cents < data.threshold && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Low balance" data-testid="low-balance">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  {money(data.balance.balance_cents)} left, under the {money(data.threshold)} warning line. Calls and SMS are refused when credits run out.
                </Text>
                <Button size="xs" variant="white" color="orange" component="a" {...link('/credits')}>
                  Add credits
                </Button>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
            <Stat label="Balance" value={money(data.balance.balance_cents)} hint={test ? 'Test credits' : 'Prepaid credits'} icon={<IconCoins size={22} />} color="indigo" />
            <Stat label="Calls today" value={plus(data.callsToday)} hint={minutes(data.callsToday.items.reduce((s, c) => s + c.billed_minutes, 0))} icon={<IconPhoneCall size={22} />} color="blue" />
            <Stat label="SMS today" value={plus(data.smsToday)} hint={`${data.smsToday.items.filter((s) => s.direction === 'inbound').length} received`} icon={<IconMessage size={22} />} color="teal" />
            <Stat label="Live calls" value={data.live} hint={data.live ? 'Updating every few seconds' : 'Nobody on the line'} icon={<IconWaveSine size={22} />} color={data.live ? 'green' : 'gray'} />
          </SimpleGrid>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="md">
              Spend per day, last 30 days
            </Title>
            <SpendChart days={data.days} />
          </Card>
          <Card withBorder radius="md" padding="lg">
            <Title order={5} mb={4}>
              Prices
            </Title>
            <Text size="sm" c="dimmed">
              Number {money(data.balance.prices.number_monthly_cents)}/month · inbound {money(data.balance.prices.inbound_minute_cents)}/min · outbound{' '}
              {money(data.balance.prices.outbound_minute_cents)}/min · SMS {money(data.balance.prices.sms_segment_cents)}/segment
            </Text>
          </Card>
        </Stack>
      )}
    </>
  );
}
