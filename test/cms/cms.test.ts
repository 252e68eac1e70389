import { afterEach, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// The CMS through the API: the seed's example bodies, schema validation naming the field,
// status and published_at, filters, ranked full-text search, idempotency and tenant scoping.

let h: Harness;
let api: Api;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'acme' }));
}

const BLOG_POSTS = {
  name: 'Blog Posts',
  key: 'blog_posts',
  schema: {
    fields: [
      { key: 'title', type: 'string', required: true },
      { key: 'slug', type: 'string', required: true },
      { key: 'body', type: 'markdown', required: true },
    ],
  },
};

async function collection(body: unknown = BLOG_POSTS) {
  return expectOk(await api.post('/v1/cms/collections', body), 201).data;
}

describe('seed 003 examples', () => {
  it('createCmsSite, listCmsSites, createCmsCollection, createCmsEntry, listCmsEntries, updateCmsEntry answer in the seed\'s shape', async () => {
    await setup();
    const site = expectOk(await api.post('/v1/cms/sites', { key: 'slab5_com', name: 'slab5.com', primary_domain: 'slab5.com' }), 201).data;
    expect(site).toMatchObject({ id: expect.stringMatching(/^site_/), key: 'slab5_com' });
    expect(expectOk(await api.get('/v1/cms/sites')).data).toEqual([expect.objectContaining({ id: site.id, name: 'slab5.com' })]);
    expect(expectOk(await api.get('/v1/cms/sites?query=SLAB5')).data).toHaveLength(1);
    expect(expectOk(await api.get('/v1/cms/sites?query=other')).data).toHaveLength(0);

    const col = await collection();
    expect(col).toMatchObject({ id: expect.stringMatching(/^col_/), key: 'blog_posts', name: 'Blog Posts', built_in: false });

    const created = await api.post('/v1/cms/entries', { collection_id: col.id, title: 'AI follow-up workflows', status: 'draft', fields: { slug: 'ai-follow-up-workflows', body: 'Draft content...' } });
    const entry = expectOk(created, 201).data;
    expect(entry).toMatchObject({ id: expect.stringMatching(/^ent_/), collection_id: col.id, status: 'draft', slug: 'ai-follow-up-workflows', published_at: null, content_type: 'other' });
    const list = expectOk(await api.get('/v1/cms/entries'));
    expect(list.data).toEqual([expect.objectContaining({ id: entry.id, title: 'AI follow-up workflows', status: 'draft' })]);
    expect(list.next_cursor).toBeNull();

    const updated = expectOk(await api.patch(`/v1/cms/entries/${entry.id}`, { title: 'AI follow-up workflows', fields: { slug: 'ai-follow-up-workflows', body: 'Updated draft content...' }, status: 'review' })).data;
    expect(updated).toMatchObject({ id: entry.id, title: 'AI follow-up workflows', status: 'review', fields: { slug: 'ai-follow-up-workflows', body: 'Updated draft content...' } });
    expect(expectOk(await api.get(`/v1/cms/entries/${entry.id}`)).data).toEqual(updated);
    expect(expectOk(await api.get(`/v1/cms/collections/${col.id}`)).data.schema.fields).toHaveLength(3);
    expect(expectOk(await api.get('/v1/workspace')).data.enabled_modules).toContain('cms');
  });
});

describe('collections', () => {
  it('refuses a duplicate key (409), a reserved key, duplicate field keys and unknown field types (422)', async () => {
    await setup();
    await collection();
    const dup = await api.post('/v1/cms/collections', BLOG_POSTS);
    expect(dup.status, dup.text).toBe(409);
    expect(dup.body.error.details[0]).toMatchObject({ field: 'key', error: 'already_exists' });
    const reserved = await api.post('/v1/cms/collections', { ...BLOG_POSTS, key: 'blog' });
    expect(reserved.status).toBe(422);
    expect(reserved.body.error.details[0]).toMatchObject({ field: 'key', error: 'reserved_key' });
    const fields = await api.post('/v1/cms/collections', { name: 'X', key: 'x', schema: { fields: [{ key: 'a', type: 'string' }, { key: 'a', type: 'number' }] } });
    expect(fields.status).toBe(422);
    expect(fields.body.error.details[0]).toMatchObject({ field: 'schema.fields[1].key', error: 'duplicate_key' });
    const badType = await api.post('/v1/cms/collections', { name: 'X', key: 'x', schema: { fields: [{ key: 'a', type: 'json' }] } });
    expect(badType.status).toBe(422);
    const missingSite = await api.post('/v1/cms/collections', { ...BLOG_POSTS, key: 'y', site_id: 'site_00000000000000000000000000' });
    expect(missingSite.status).toBe(404);
    expect(missingSite.body.error.details[0]).toMatchObject({ field: 'site_id' });
    expect(expectOk(await api.get('/v1/cms/collections')).data.map((c: { key: string }) => c.key)).toEqual(['blog_posts']);
  });

  it('PATCH renames and replaces the schema; entries meet the new schema at their next write; the blog keeps its fields', async () => {
    await setup();
    const col = await collection();
    const e = expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title: 'T', fields: { slug: 't', body: 'x' } }), 201).data;
    const next = { fields: [...BLOG_POSTS.schema.fields, { key: 'reading_minutes', type: 'number', required: true }] };
    const patched = expectOk(await api.patch(`/v1/cms/collections/${col.id}`, { name: 'Articles', schema: next })).data;
    expect(patched).toMatchObject({ name: 'Articles', key: 'blog_posts', schema: next });
    const stale = await api.patch(`/v1/cms/entries/${e.id}`, { title: 'T2' });
    expect(stale.status).toBe(422);
    expect(stale.body.error.details[0]).toMatchObject({ field: 'fields.reading_minutes', error: 'required' });
    expect(expectOk(await api.patch(`/v1/cms/entries/${e.id}`, { title: 'T2', fields: { reading_minutes: 4 } })).data.title).toBe('T2');
    // A field dropped from the schema leaves the entry at its next write.
    expectOk(await api.patch(`/v1/cms/collections/${col.id}`, { schema: { fields: next.fields.filter((f) => f.key !== 'body') } }));
    expect(expectOk(await api.patch(`/v1/cms/entries/${e.id}`, { status: 'review' })).data.fields).toEqual({ slug: 't', reading_minutes: 4 });

    const post = expectOk(await api.post('/v1/blog/posts', { title: 'P', content: 'c', author_name: 'a' }), 201).data;
    const blog = await api.patch(`/v1/cms/collections/${post.collection_id}`, { schema: { fields: [] } });
    expect(blog.status).toBe(422);
    expect(blog.body.error.details[0]).toMatchObject({ field: 'schema', error: 'built_in_collection' });
    expect((await api.patch('/v1/cms/collections/col_00000000000000000000000000', { name: 'x' })).status).toBe(404);
  });
});

describe('entries against their schema', () => {
  const TYPED = {
    name: 'Events',
    key: 'events',
    schema: {
      fields: [
        { key: 'headline', type: 'string', required: true },
        { key: 'seats', type: 'number' },
        { key: 'free', type: 'boolean' },
        { key: 'starts_on', type: 'date', required: true },
        { key: 'link', type: 'url' },
        { key: 'speaker', type: 'reference' },
        { key: 'notes', type: 'markdown' },
      ],
    },
  };

  it('422 names every field that is missing, of the wrong type, unknown or a dangling reference; nothing is stored', async () => {
    await setup();
    const col = await collection(TYPED);
    const res = await api.post('/v1/cms/entries', {
      collection_id: col.id,
      title: 'Launch',
      fields: { seats: 'ten', free: 'yes', starts_on: '2026-02-30', link: 'ftp://x', speaker: 'ent_00000000000000000000000000', color: 'red' },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('validation_error');
    const byField = Object.fromEntries(res.body.error.details.map((d: { field: string; error: string }) => [d.field, d.error]));
    expect(byField).toEqual({
      'fields.color': 'unknown_field',
      'fields.seats': 'must_be_number',
      'fields.free': 'must_be_boolean',
      'fields.starts_on': 'must_be_date',
      'fields.link': 'must_be_url',
      'fields.headline': 'required',
      'fields.speaker': 'reference_not_found',
    });
    expect(expectOk(await api.get('/v1/cms/entries')).data).toHaveLength(0);

    const speaker = expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title: 'Speaker', fields: { headline: 'Jane', starts_on: '2026-03-01' } }), 201).data;
    const ok = expectOk(await api.post('/v1/cms/entries', {
      collection_id: col.id,
      title: 'Launch',
      fields: { headline: 'We launch', seats: 40, free: true, starts_on: '2026-03-01T18:00:00Z', link: 'https://slab5.com/launch', speaker: speaker.id, notes: '# Agenda' },
    }), 201).data;
    expect(ok.fields).toMatchObject({ seats: 40, free: true, speaker: speaker.id });

    // PATCH merges, null removes, and the result is checked again.
    const removed = await api.patch(`/v1/cms/entries/${ok.id}`, { fields: { headline: null } });
    expect(removed.status).toBe(422);
    expect(removed.body.error.details).toEqual([expect.objectContaining({ field: 'fields.headline', error: 'required' })]);
    const patched = expectOk(await api.patch(`/v1/cms/entries/${ok.id}`, { fields: { seats: null, free: false } })).data;
    expect(patched.fields).toEqual({ headline: 'We launch', free: false, starts_on: '2026-03-01T18:00:00Z', link: 'https://slab5.com/launch', speaker: speaker.id, notes: '# Agenda' });

    const missing = await api.post('/v1/cms/entries', { collection_id: 'col_00000000000000000000000000', title: 'X' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'collection_id' });
  });

  it('status sets and clears published_at; a slug is unique in its collection (409)', async () => {
    await setup();
    const col = await collection();
    const e = expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title: 'One', fields: { slug: 'one', body: 'x' } }), 201).data;
    const published = expectOk(await api.patch(`/v1/cms/entries/${e.id}`, { status: 'published' })).data;
    expect(published.published_at).toEqual(expect.any(String));
    h.clock.advance(1000);
    expect(expectOk(await api.patch(`/v1/cms/entries/${e.id}`, { title: 'One!' })).data.published_at).toBe(published.published_at);
    expect(expectOk(await api.patch(`/v1/cms/entries/${e.id}`, { status: 'archived' })).data.published_at).toBeNull();

    const clash = await api.post('/v1/cms/entries', { collection_id: col.id, title: 'Two', fields: { slug: 'one', body: 'y' } });
    expect(clash.status, clash.text).toBe(409);
    expect(clash.body.error.details[0]).toMatchObject({ field: 'fields.slug', error: 'already_exists' });
    const other = await collection({ ...BLOG_POSTS, key: 'pages' });
    expectOk(await api.post('/v1/cms/entries', { collection_id: other.id, title: 'Two', fields: { slug: 'one', body: 'y' } }), 201);

    const del = expectOk(await api.delete(`/v1/cms/entries/${e.id}`)).data;
    expect(del).toEqual({ id: e.id, deleted: true });
    expect((await api.get(`/v1/cms/entries/${e.id}`)).status).toBe(404);
    expect(expectOk(await api.get('/v1/cms/entries/search?query=one')).data.map((x: { id: string }) => x.id)).not.toContain(e.id);
  });
});

describe('filters and search', () => {
  async function seedEntries() {
    const site = expectOk(await api.post('/v1/cms/sites', { key: 'main', name: 'Main' }), 201).data;
    const col = await collection();
    const mk = async (title: string, body: string, extra: Record<string, unknown> = {}) =>
      expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title, fields: { slug: title.toLowerCase().replace(/\W+/g, '-'), body }, ...extra }), 201).data;
    const hours = await mk('Opening hours', 'We are open Monday to Friday, 9am to 5pm. Closed on weekends.', { status: 'published', content_type: 'article', tags: ['faq'], site_id: site.id });
    const refunds = await mk('Refund policy', 'Refunds within 30 days of purchase. Opening a refund request takes a minute.', { tags: ['faq', 'billing'], custom_fields: { owner: 'finance' } });
    const launch = await mk('Launch notes', 'Our new AI follow-up workflows ship in March.', { content_type: 'blog_post', campaign_id: 'camp_launch' });
    return { site, col, hours, refunds, launch };
  }

  it('filters by collection, site, campaign, content_type, status, tag, custom field and query', async () => {
    await setup();
    const { site, col, hours, refunds, launch } = await seedEntries();
    const ids = async (qs: string) => expectOk(await api.get(`/v1/cms/entries?${qs}`)).data.map((e: { id: string }) => e.id);
    expect(await ids(`collection_id=${col.id}`)).toEqual([launch.id, refunds.id, hours.id]);
    expect(await ids(`site_id=${site.id}`)).toEqual([hours.id]);
    expect(await ids('campaign_id=camp_launch')).toEqual([launch.id]);
    expect(await ids('content_type=blog_post')).toEqual([launch.id]);
    expect(await ids('status=published')).toEqual([hours.id]);
    expect(await ids('tag=faq')).toEqual([refunds.id, hours.id]);
    expect(await ids('tag=billing')).toEqual([refunds.id]);
    expect(await ids('custom_field_key=owner&custom_field_value=finance')).toEqual([refunds.id]);
    expect(await ids('query=workflows%20march')).toEqual([launch.id]);
    expect(await ids('query=open')).toEqual([refunds.id, hours.id]); // every word as a prefix: "opening" too
    expect((await api.get('/v1/cms/entries?status=live')).status).toBe(400);
    expect((await api.get('/v1/cms/entries?custom_field_key=owner')).status).toBe(400);
    const page1 = expectOk(await api.get('/v1/cms/entries?limit=2'));
    expect(page1.data).toHaveLength(2);
    const page2 = expectOk(await api.get(`/v1/cms/entries?limit=2&cursor=${page1.next_cursor}`));
    expect(page2.data.map((e: { id: string }) => e.id)).toEqual([hours.id]);
  });

  it('ranks: title matches above body matches, more words above fewer; pages by cursor', async () => {
    await setup();
    const { hours, refunds, launch } = await seedEntries();
    const res = expectOk(await api.get('/v1/cms/entries/search?query=opening%20hours'));
    expect(res.data.map((e: { id: string }) => e.id)).toEqual([hours.id, refunds.id]);
    expect(res.data[0].score).toBeGreaterThan(res.data[1].score);
    expect(res.data[0]).toMatchObject({ title: 'Opening hours', fields: { body: expect.stringContaining('Monday') } });
    // Stemmed: "refunded" finds "Refund policy".
    expect(expectOk(await api.get('/v1/cms/entries/search?query=refunded')).data.map((e: { id: string }) => e.id)).toEqual([refunds.id]);
    expect(expectOk(await api.get('/v1/cms/entries/search?query=open&status=published')).data.map((e: { id: string }) => e.id)).toEqual([hours.id]);
    expect(expectOk(await api.get('/v1/cms/entries/search?query=%22%3B%20DROP%20TABLE')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/cms/entries/search?query=launch')).data[0].id).toBe(launch.id);

    const first = expectOk(await api.get('/v1/cms/entries/search?query=opening%20hours&limit=1'));
    expect(first.data.map((e: { id: string }) => e.id)).toEqual([hours.id]);
    const second = expectOk(await api.get(`/v1/cms/entries/search?query=opening%20hours&limit=1&cursor=${first.next_cursor}`));
    expect(second.data.map((e: { id: string }) => e.id)).toEqual([refunds.id]);
    expect(second.next_cursor).toBeNull();
    expect((await api.get('/v1/cms/entries/search')).status).toBe(400);
    expect((await api.get('/v1/cms/entries/search?query=x&cursor=nope')).status).toBe(400);

    // Edits are searchable at once.
    expectOk(await api.patch(`/v1/cms/entries/${launch.id}`, { fields: { body: 'Now shipping in April.' } }));
    expect(expectOk(await api.get('/v1/cms/entries/search?query=april')).data.map((e: { id: string }) => e.id)).toEqual([launch.id]);
    expect(expectOk(await api.get('/v1/cms/entries/search?query=march')).data).toEqual([]);
  });
});

describe('idempotency and tenants', () => {
  it('replays a create with the same key; another workspace sees none of it', async () => {
    await setup();
    const col = await collection();
    const body = { collection_id: col.id, title: 'Once', fields: { slug: 'once', body: 'x' } };
    const a = await api.post('/v1/cms/entries', body, { 'idempotency-key': 'k1' });
    const b = await api.post('/v1/cms/entries', body, { 'idempotency-key': 'k1' });
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.data.id).toBe(a.body.data.id);
    expect(expectOk(await api.get('/v1/cms/entries')).data).toHaveLength(1);

    const other = h.api(await h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/cms/entries/${a.body.data.id}`)).status).toBe(404);
    expect((await other.get(`/v1/cms/collections/${col.id}`)).status).toBe(404);
    expect((await other.post('/v1/cms/entries', body)).status).toBe(404);
    expect(expectOk(await other.get('/v1/cms/entries/search?query=once')).data).toEqual([]);
    // The same key is free in another workspace.
    expect(expectOk(await other.post('/v1/cms/collections', BLOG_POSTS), 201).data.id).not.toBe(col.id);
  });
});
