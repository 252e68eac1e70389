import { Anchor, Avatar, Badge, Button, Card, Grid, Group, SegmentedControl, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconChecklist, IconMessage, IconNote, IconPhoneCall, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client';
import type { Contact, Page, TimelineEntry } from '../api/types';
import { useLink } from '../router';
import { EmptyState, ErrorNotice, LoadMore, Loading, PageHeader } from '../ui/bits';
import { fullTime, phone, when } from '../ui/format';
import { useLoad, usePaged } from '../ui/hooks';
import { initials } from './Contacts';

const ICONS = { call: IconPhoneCall, sms: IconMessage, ticket: IconTicket, task: IconChecklist, activity: IconNote } as const;
const COLORS = { call: 'indigo', sms: 'teal', ticket: 'orange', task: 'grape', activity: 'gray' } as const;

export function ContactPage({ id }: { id: string }) {
  const link = useLink();
  const contact = useLoad(() => api.get<{ data: Contact }>(`/v1/contacts/${id}`).then((r) => r.data), [id]);
  const [type, setType] = useState('all');
  const timeline = usePaged((cursor) => api.get<Page<TimelineEntry>>(`/v1/contacts/${id}/timeline`, { cursor, limit: 25, type: type === 'all' ? undefined : type }), [id, type]);

  if (contact.loading && !contact.data) return <Loading />;
  if (!contact.data) return <ErrorNotice error={contact.error} />;
  const c = contact.data;
  const hrefFor = (e: TimelineEntry) => (e.type === 'call' ? `/calls/${e.id}` : e.type === 'sms' && e.resource.number_id ? `/numbers/${e.resource.number_id}` : null);

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            <Avatar radius="xl" color="indigo">
              {initials(c.name)}
            </Avatar>
            {c.name}
          </Group>
        }
        description={[c.title, c.company_name].filter(Boolean).join(' · ') || c.id}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Phones
                </Text>
                {c.phones.length ? c.phones.map((p) => <Text key={p} size="sm" ff="monospace">{phone(p)}</Text>) : <Text size="sm" c="dimmed">none</Text>}
              </div>
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Email
                </Text>
                {c.emails.length ? c.emails.map((e) => <Text key={e} size="sm">{e}</Text>) : <Text size="sm" c="dimmed">none</Text>}
              </div>
              {c.notes && (
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    Notes
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.notes}
                  </Text>
                </div>
              )}
              {Object.entries(c.custom_fields).map(([k, v]) => (
                <Text size="sm" key={k}>
                  <b>{k}</b>: {v}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                Added {fullTime(c.created_at)}
              </Text>
            </Stack>
          </Card>
          <Button variant="subtle" mt="sm" component="a" {...link('/contacts')}>
            ← All contacts
          </Button>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" mb="md" wrap="wrap">
              <Title order={4}>Timeline</Title>
              <SegmentedControl size="xs" value={type} onChange={setType} data={['all', 'call', 'sms', 'ticket', 'task', 'activity']} />
            </Group>
            <ErrorNotice error={timeline.error} />
            {timeline.loading && timeline.items.length === 0 && <Loading />}
            {!timeline.loading && timeline.items.length === 0 && !timeline.error && <EmptyState title="Nothing here yet">Calls, SMS, tickets, tasks and notes with this person show up here.</EmptyState>}
            <Timeline bulletSize={28} lineWidth={2}>
              {timeline.items.map((e) => {
                const Icon = ICONS[e.type];
                const to = hrefFor(e);
                return (
                  <Timeline.Item
                    key={`${e.type}-${e.id}`}
                    bullet={
                      <ThemeIcon size={28} radius="xl" color={COLORS[e.type]} variant="light">
                        <Icon size={15} />
                      </ThemeIcon>
                    }
                    title={
                      <Group gap={6}>
                        {to ? (
                          <Anchor {...link(to)} size="sm" fw={600}>
                            {e.summary}
                          </Anchor>
                        ) : (
                          <Text size="sm" fw={600}>
                            {e.summary}
                          </Text>
                        )}
                        {e.resource.status && (
                          <Badge size="xs" variant="light" radius="sm">
                            {e.resource.status}
                          </Badge>
                        )}
                      </Group>
                    }
                  >
                    {e.resource.body && !e.summary.includes(e.resource.body) && (
                      <Text size="sm" c="dimmed" lineClamp={3}>
                        {e.resource.body}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" mt={2}>
                      {when(e.occurred_at)}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
            <LoadMore hasMore={timeline.hasMore} loading={timeline.loading} onMore={timeline.more} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
