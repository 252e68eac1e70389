import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { money } from './format';

// Spend per day as stacked bars (calls, SMS, numbers). Drawn with plain elements: a chart
// library would triple the console's size for one chart.

export interface DaySpend {
  day: string; // YYYY-MM-DD
  calls: number;
  sms: number;
  numbers: number;
}

const SERIES = [
  { key: 'calls', label: 'Calls', color: 'var(--mantine-color-indigo-5)' },
  { key: 'sms', label: 'SMS', color: 'var(--mantine-color-teal-5)' },
  { key: 'numbers', label: 'Numbers', color: 'var(--mantine-color-orange-4)' },
] as const;

const label = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });

export function SpendChart({ days, height = 180 }: { days: DaySpend[]; height?: number }) {
  const max = Math.max(1, ...days.map((d) => d.calls + d.sms + d.numbers));
  const total = days.reduce((s, d) => s + d.calls + d.sms + d.numbers, 0);
  return (
    <Stack gap="xs" data-testid="spend-chart">
      <Group justify="space-between">
        <Group gap="md">
          {SERIES.map((s) => (
            <Group key={s.key} gap={6}>
              <Box w={10} h={10} style={{ background: s.color, borderRadius: 3 }} />
              <Text size="xs" c="dimmed">
                {s.label}
              </Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {total > 0 ? `${money(total)} in 30 days · peak ${money(max)}/day` : 'No spend in the last 30 days'}
        </Text>
      </Group>
      <Box style={{ position: 'relative', display: 'flex', alignItems: 'flex-end', gap: 3, height, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {total === 0 && (
          <Text size="sm" c="dimmed" style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            Calls, SMS and number fees will show here, day by day.
          </Text>
        )}
        {days.map((d) => {
          const sum = d.calls + d.sms + d.numbers;
          return (
            <Tooltip
              key={d.day}
              withArrow
              label={
                <Stack gap={0}>
                  <Text size="xs" fw={600}>
                    {label(d.day)}: {money(sum)}
                  </Text>
                  {SERIES.map((s) => (
                    <Text size="xs" key={s.key}>
                      {s.label}: {money(d[s.key])}
                    </Text>
                  ))}
                </Stack>
              }
            >
              <Box style={{ flex: 1, height: '100%', display: 'flex', flexDirection: 'column-reverse', minWidth: 4, cursor: 'default' }}>
                {sum === 0 ? (
                  <Box h={2} style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 2 }} />
                ) : (
                  SERIES.map((s) =>
                    d[s.key] > 0 ? <Box key={s.key} style={{ height: `${(d[s.key] / max) * 100}%`, background: s.color, minHeight: 2 }} /> : null,
                  )
                )}
              </Box>
            </Tooltip>
          );
        })}
      </Box>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {days[0] ? label(days[0].day) : ''}
        </Text>
        <Text size="xs" c="dimmed">
          Today
        </Text>
      </Group>
    </Stack>
  );
}
