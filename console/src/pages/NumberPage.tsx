import { Alert, Badge, Button, Card, Code, CopyButton, Grid, Group, Modal, SimpleGrid, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconMessage, IconPhone, IconPhoneCall, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Call, Page, PhoneNumber, Sms } from '../api/types';
import { useLink, useRoute } from '../router';
import { useSession } from '../session';
import { SoftphonePanel } from '../softphone/SoftphonePanel';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader, StatusBadge, WriteButton } from '../ui/bits';
import { fullTime, phone } from '../ui/format';
import { useLoad, usePaged } from '../ui/hooks';
import { CallsTable, useLiveCalls } from './CallsTable';
import { NumberForm } from './NumberForm';
import { SmsBubbles } from './SmsList';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" mt={2} component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

function NumberCalls({ id, active }: { id: string; active: boolean }) {
  const list = usePaged((cursor) => api.get<Page<Call>>('/v1/calls', { number_id: id, cursor, limit: 10 }), [id]);
  useLiveCalls(list.items, list.setItems);
  return (
    <>
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && list.items.length === 0 && !list.error && <EmptyState title="No calls to this number yet">{active ? 'Press Call above to talk to its agent, or call it from a phone.' : 'It was released before anyone called.'}</EmptyState>}
      {list.items.length > 0 && <CallsTable calls={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
    </>
  );
}

function NumberSms({ id }: { id: string }) {
  const list = usePaged((cursor) => api.get<Page<Sms>>('/v1/sms', { number_id: id, cursor, limit: 25 }), [id]);
  return (
    <>
      <ErrorNotice error={list.error} />
      {list.loading && list.items.length === 0 && <Loading />}
      {!list.loading && list.items.length === 0 && !list.error && (
        <EmptyState title="No SMS yet">Send one with POST /v1/sms, or simulate an inbound text with POST /v1/sms/test-inbound.</EmptyState>
      )}
      {list.items.length > 0 && (
        <Card withBorder radius="md" padding="lg">
          <SmsBubbles messages={[...list.items].reverse()} />
        </Card>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
    </>
  );
}

export function NumberPage({ id }: { id: string }) {
  const { test, readOnly } = useSession();
  const { navigate } = useRoute();
  const link = useLink();
  const { data: number, error, loading, setData, reload } = useLoad(() => api.get<{ data: PhoneNumber }>(`/v1/numbers/${id}`).then((r) => r.data), [id]);
  const [editing, edit] = useDisclosure(false);
  const [releasing, release] = useDisclosure(false);
  const [calling, setCalling] = useState(false);
  const [callsKey, setCallsKey] = useState(0);
  const [releaseError, setReleaseError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (loading && !number) return <Loading />;
  if (!number) return <ErrorNotice error={error} />;
  const active = number.status === 'active';
  const canCall = test && active && !number.livemode;

  const doRelease = async () => {
    setBusy(true);
    setReleaseError(null);
    try {
      await api.delete(`/v1/numbers/${id}`);
      release.close();
      await reload();
    } catch (err) {
      setReleaseError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{phone(number.phone_number)}</span>
            <StatusBadge status={number.status} />
            {!number.livemode && (
              <Badge color="orange" variant="outline" radius="sm">
                test
              </Badge>
            )}
          </Group>
        }
        description={`${number.mode === 'webhook' ? 'Answered by your webhook' : 'Answered by a managed model'} · ${number.media_mode} · ${number.id}`}
        actions={
          <>
            {active && (
              <>
                <WriteButton variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
                  Edit
                </WriteButton>
                <WriteButton variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={release.open}>
                  Release
                </WriteButton>
              </>
            )}
            {canCall && (
              <Tooltip label={readOnly ? 'This key is read-only: it can look, not call.' : number.media_mode === 'relay' ? 'A text conversation with the agent' : 'Talk to the agent with your microphone'} withArrow>
                <Button leftSection={<IconPhone size={16} />} onClick={() => setCalling(true)} disabled={readOnly} color="green">
                  Call
                </Button>
              </Tooltip>
            )}
          </>
        }
      />
      {!active && (
        <Alert color="gray" variant="light" mb="md" data-testid="released-notice" title="Released">
          Released {fullTime(number.released_at)}{number.release_reason ? ` (${number.release_reason.replaceAll('_', ' ')})` : ''}: it takes no calls or SMS. Its history stays here.
        </Alert>
      )}
      {!test && (
        <Alert color="gray" variant="light" mb="md">
          The browser softphone calls test numbers only: sign in with a test key to call from here.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="calls" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="calls" leftSection={<IconPhoneCall size={16} />}>
                Calls
              </Tabs.Tab>
              <Tabs.Tab value="sms" leftSection={<IconMessage size={16} />}>
                SMS
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="calls">
              <NumberCalls key={callsKey} id={id} active={active} />
            </Tabs.Panel>
            <Tabs.Panel value="sms">
              <NumberSms id={id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={5} mb="sm">
              Configuration
            </Title>
            <SimpleGrid cols={1} spacing="sm">
              {number.mode === 'webhook' ? (
                <Fact label="Webhook">
                  <Code>{number.webhook_url}</Code>
                  {number.webhook_token_set ? ' · token set' : ''}
                </Fact>
              ) : null}
              <Fact label="System prompt">{number.system_prompt ?? <Text c="dimmed" size="sm">none</Text>}</Fact>
              <Fact label="First message">{number.first_message ?? <Text c="dimmed" size="sm">none</Text>}</Fact>
              <SimpleGrid cols={2}>
                <Fact label="Media mode">{number.media_mode}</Fact>
                <Fact label="Voice">{number.voice_id ?? 'default'}</Fact>
                <Fact label="Inbound">{number.inbound_mode === 'autopilot' ? 'agent answers' : 'refused'}</Fact>
                <Fact label="Language">{number.language}</Fact>
                <Fact label="Recording">{number.recording ? 'on' : 'off'}</Fact>
                {number.media_mode !== 'relay' && (
                  <>
                    <Fact label="Endpointing">{number.endpointing_ms} ms</Fact>
                    <Fact label="Barge-in">{number.barge_in_ms ? `${number.barge_in_ms} ms` : 'off'}</Fact>
                  </>
                )}
              </SimpleGrid>
              <Fact label="Webhook signing secret">
                <Group gap={6}>
                  <Code>{number.webhook_secret.slice(0, 12)}…</Code>
                  <CopyButton value={number.webhook_secret}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
                </Group>
              </Fact>
              <SimpleGrid cols={2}>
                <Fact label="Created">{fullTime(number.created_at)}</Fact>
                <Fact label={number.status === 'released' ? 'Released' : 'Renews'}>{fullTime(number.status === 'released' ? number.released_at : number.renews_at)}</Fact>
              </SimpleGrid>
            </SimpleGrid>
          </Card>
          <Button variant="subtle" mt="sm" component="a" {...link('/numbers')}>
            ← All numbers
          </Button>
        </Grid.Col>
      </Grid>
      <Modal opened={editing} onClose={edit.close} title={<Text fw={600}>Edit {phone(number.phone_number)}</Text>} size="lg">
        <NumberForm
          number={number}
          onCancel={edit.close}
          onSaved={(n) => {
            edit.close();
            setData(n);
          }}
        />
      </Modal>
      <Modal opened={releasing} onClose={release.close} title={<Text fw={600}>Release {phone(number.phone_number)}?</Text>}>
        <Stack>
          <Text size="sm">The number stops taking calls and SMS and goes back to the carrier. This cannot be undone.</Text>
          <ErrorNotice error={releaseError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={release.close}>
              Keep it
            </Button>
            <Button color="red" onClick={doRelease} loading={busy}>
              Release number
            </Button>
          </Group>
        </Stack>
      </Modal>
      {calling && (
        <SoftphonePanel
          number={number}
          opened={calling}
          onClose={() => {
            setCalling(false);
            setCallsKey((k) => k + 1);
            void navigate;
          }}
        />
      )}
    </>
  );
}
