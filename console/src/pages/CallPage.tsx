import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMicrophone, IconPhoneOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Call, LedgerEntry, Page, Recording, Transcript } from '../api/types';
import { useLink } from '../router';
import { Conversation } from '../ui/Conversation';
import { EmptyState, ErrorNotice, Loading, PageHeader, StatusBadge, WriteButton } from '../ui/bits';
import { duration, fullTime, money, phone, signedMoney, when } from '../ui/format';
import { useLoad } from '../ui/hooks';
import { TIMING_PARTS } from '../ui/TimingBar';
import { LIVE_STATUSES } from './CallsTable';

async function loadCall(id: string) {
  const [call, transcript, ledger, recording] = await Promise.all([
    api.get<{ data: Call }>(`/v1/calls/${id}`),
    api.get<{ data: Transcript }>(`/v1/calls/${id}/transcript`),
    api.get<Page<LedgerEntry>>('/v1/credits/ledger', { related_id: id, limit: 100 }),
    api.get<{ data: Recording }>(`/v1/calls/${id}/recording`).then(
      (r) => r.data,
      (err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)),
    ),
  ]);
  return { call: call.data, transcript: transcript.data, ledger: ledger.data, recording };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" mt={2} component="div">
        {children}
      </Text>
    </div>
  );
}

export function CallPage({ id }: { id: string }) {
  const link = useLink();
  const [live, setLive] = useState(true);
  const { data, error, loading, reload } = useLoad(() => loadCall(id), [id], { pollMs: live ? 1500 : false });
  const [hangupError, setHangupError] = useState<unknown>(null);
  const [hanging, setHanging] = useState(false);
  if (data && live && !LIVE_STATUSES.has(data.call.status) && data.transcript.complete) setLive(false);

  const hangup = async () => {
    setHanging(true);
    setHangupError(null);
    try {
      await api.post(`/v1/calls/${id}/hangup`);
      await reload();
    } catch (err) {
      setHangupError(err);
    } finally {
      setHanging(false);
    }
  };

  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { call, transcript, ledger, recording } = data;
  const agentTurns = transcript.turns.filter((t) => t.speaker === 'agent');
  const avg = (key: (typeof TIMING_PARTS)[number]['key']) => {
    const v = agentTurns.map((t) => t.timings[key]).filter((x): x is number => typeof x === 'number');
    return v.length ? Math.round(v.reduce((a, b) => a + b, 0) / v.length) : null;
  };

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
              {phone(call.from)} → {phone(call.to)}
            </span>
            <StatusBadge status={call.status} />
          </Group>
        }
        description={`${call.direction === 'inbound' ? 'Inbound' : 'Outbound'} call · ${fullTime(call.created_at)} · ${call.id}`}
        actions={
          LIVE_STATUSES.has(call.status) && (
            <WriteButton color="red" leftSection={<IconPhoneOff size={16} />} onClick={hangup} loading={hanging}>
              Hang up
            </WriteButton>
          )
        }
      />
      <ErrorNotice error={hangupError ?? error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" mb="md">
              <Title order={4}>Transcript</Title>
              {LIVE_STATUSES.has(call.status) && (
                <Badge color="green" variant="dot">
                  live
                </Badge>
              )}
            </Group>
            {transcript.turns.length === 0 ? (
              <EmptyState title={LIVE_STATUSES.has(call.status) ? 'Waiting for the first words…' : 'Nobody spoke on this call'}>
                {call.end_reason ? `It ended: ${call.end_reason.replaceAll('_', ' ')}.` : 'Turns appear here as they happen.'}
              </EmptyState>
            ) : (
              <Conversation turns={transcript.turns} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="lg">
              <SimpleGrid cols={2} spacing="md">
                <Fact label="Duration">{duration(call.duration_seconds)}</Fact>
                <Fact label="Billed">{call.billed_minutes} min</Fact>
                <Fact label="Cost">{money(call.cost_cents)}</Fact>
                <Fact label="Turns">{call.turn_count}</Fact>
                <Fact label="Agent">{call.agent_mode}</Fact>
                <Fact label="Ended">{call.end_reason ? call.end_reason.replaceAll('_', ' ') : '—'}</Fact>
                <Fact label="Number">
                  <Anchor {...link(`/numbers/${call.number_id}`)} size="sm" ff="monospace">
                    {phone(call.direction === 'inbound' ? call.to : call.from)}
                  </Anchor>
                </Fact>
                {call.contact_id && (
                  <Fact label="Contact">
                    <Anchor {...link(`/contacts/${call.contact_id}`)} size="sm">
                      view contact
                    </Anchor>
                  </Fact>
                )}
              </SimpleGrid>
            </Card>
            {agentTurns.some((t) => Object.values(t.timings).some((v) => v !== null)) && (
              <Card withBorder radius="md" padding="lg">
                <Title order={5} mb="xs">
                  Average agent turn
                </Title>
                <Stack gap={4}>
                  {TIMING_PARTS.map((p) => (
                    <Group key={p.key} justify="space-between">
                      <Group gap={6}>
                        <span style={{ width: 9, height: 9, borderRadius: 2, background: p.color, display: 'inline-block' }} />
                        <Text size="sm">{p.label}</Text>
                      </Group>
                      <Text size="sm" ff="monospace">
                        {avg(p.key) ?? '—'} {avg(p.key) !== null ? 'ms' : ''}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}
            <Card withBorder radius="md" padding="lg">
              <Group gap={6} mb="xs">
                <IconMicrophone size={16} />
                <Title order={5}>Recording</Title>
              </Group>
              {recording ? (
                <Stack gap={4}>
                  <audio controls preload="none" src={recording.url} style={{ width: '100%' }} data-testid="recording-player" />
                  <Text size="xs" c="dimmed">
                    {recording.format} · {recording.channels === 2 ? 'stereo (caller / agent)' : 'mono'} · {duration(recording.duration_seconds)}
                    {recording.expires_at ? ` · link expires ${when(recording.expires_at)}` : ''}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  No recording for this call.
                </Text>
              )}
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Title order={5} mb="xs">
                Ledger
              </Title>
              {ledger.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {LIVE_STATUSES.has(call.status) ? 'Charged when the call ends.' : 'Nothing charged.'}
                </Text>
              ) : (
                <Stack gap="xs">
                  {ledger.map((e) => (
                    <Group key={e.id} justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {e.description}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {when(e.created_at)} · balance after {money(e.balance_after_cents)}
                        </Text>
                      </div>
                      <Text size="sm" c={e.amount_cents < 0 ? 'red.7' : 'green.7'} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {signedMoney(e.amount_cents)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            {Object.keys(call.metadata).length > 0 && (
              <Card withBorder radius="md" padding="lg">
                <Title order={5} mb="xs">
                  Metadata
                </Title>
                {Object.entries(call.metadata).map(([k, v]) => (
                  <Text size="sm" key={k}>
                    <b>{k}</b>: {v}
                  </Text>
                ))}
              </Card>
            )}
            <Button variant="subtle" component="a" {...link('/calls')}>
              ← All calls
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
