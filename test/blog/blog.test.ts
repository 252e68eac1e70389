import { afterEach, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// The blog (seed 001) through the API: drafts by default, slugs from titles and unique, tag and
// status filters, publish/unpublish, delete, and every post an entry of the CMS `blog` collection.

let h: Harness;
let api: Api;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'acme' }));
}

const SEED_POST = {
  title: 'Getting Started with AI Agents',
  content: '# Introduction\n\nLearn how AI agents can help your business...',
  excerpt: 'A quick guide to setting up your first AI agent.',
  author_name: 'Jordan Martinez',
  author_avatar_url: 'https://example.com/avatars/jordan.png',
  tags: ['ai', 'getting-started'],
  cover_image_url: 'https://example.com/images/cover.jpg',
  meta_description: 'Learn how to get started with AI agents.',
  slug: 'getting-started-with-ai-agents',
};

const post = async (body: Record<string, unknown>) => expectOk(await api.post('/v1/blog/posts', body), 201).data;

describe('blog posts', () => {
  it('creates the seed\'s post as a draft, reads it back, and lists it as a CMS entry of the blog collection', async () => {
    await setup();
    const p = await post(SEED_POST);
    const { slug: _slug, ...rest } = SEED_POST;
    expect(p).toMatchObject({ ...rest, id: expect.stringMatching(/^ent_/), slug: 'getting-started-with-ai-agents', status: 'draft', published_at: null, author_agent_id: null });
    expect(expectOk(await api.get(`/v1/blog/posts/${p.id}`)).data).toEqual(p);

    const entry = expectOk(await api.get(`/v1/cms/entries/${p.id}`)).data;
    expect(entry).toMatchObject({ collection_id: p.collection_id, title: SEED_POST.title, content_type: 'blog_post', tags: ['ai', 'getting-started'], fields: { content: SEED_POST.content, author_name: 'Jordan Martinez' } });
    const blog = expectOk(await api.get(`/v1/cms/collections/${p.collection_id}`)).data;
    expect(blog).toMatchObject({ key: 'blog', built_in: true });
    expect(expectOk(await api.get('/v1/cms/entries/search?query=introduction')).data.map((e: { id: string }) => e.id)).toEqual([p.id]);
  });

  it('generates unique slugs from titles, and regenerates on a new title', async () => {
    await setup();
    const base = { content: 'Hello.', author_name: 'Ana' };
    const a = await post({ ...base, title: 'Hello, Wörld!' });
    const b = await post({ ...base, title: 'Hello Wörld' });
    const c = await post({ ...base, title: 'hello world' });
    expect([a.slug, b.slug, c.slug]).toEqual(['hello-world', 'hello-world-2', 'hello-world-3']);
    const clash = await api.post('/v1/blog/posts', { ...base, title: 'Other', slug: 'hello-world' });
    expect(clash.status, clash.text).toBe(409);
    expect(clash.body.error.details[0]).toMatchObject({ field: 'slug', error: 'already_exists' });

    const renamed = expectOk(await api.patch(`/v1/blog/posts/${b.id}`, { title: 'Goodbye World' })).data;
    expect(renamed).toMatchObject({ title: 'Goodbye World', slug: 'goodbye-world', content: 'Hello.' });
    const explicit = expectOk(await api.patch(`/v1/blog/posts/${c.id}`, { title: 'Goodbye World', slug: 'farewell' })).data;
    expect(explicit.slug).toBe('farewell');
    const partial = expectOk(await api.patch(`/v1/blog/posts/${a.id}`, { tags: ['news'], excerpt: 'Short.' })).data;
    expect(partial).toMatchObject({ slug: 'hello-world', tags: ['news'], excerpt: 'Short.', content: 'Hello.' });
    expect(expectOk(await api.patch(`/v1/blog/posts/${a.id}`, { excerpt: null })).data.excerpt).toBeNull();
    const bad = await api.post('/v1/blog/posts', { title: 'No author', content: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'author_name' });
  });

  it('publishes and unpublishes (idempotently), filters by status, tag and title, pages with total', async () => {
    await setup();
    const base = { content: 'Body', author_name: 'Ana' };
    const one = await post({ ...base, title: 'Voice agents 101', tags: ['ai'] });
    const two = await post({ ...base, title: 'Pricing update', tags: ['news'] });
    const three = await post({ ...base, title: 'AI for clinics', tags: ['ai', 'health'] });

    const published = expectOk(await api.post(`/v1/blog/posts/${one.id}/publish`)).data;
    expect(published).toMatchObject({ id: one.id, status: 'published', published_at: expect.any(String) });
    h.clock.advance(5000);
    expect(expectOk(await api.post(`/v1/blog/posts/${one.id}/publish`)).data.published_at).toBe(published.published_at);
    expectOk(await api.post(`/v1/blog/posts/${three.id}/publish`));

    const list = async (qs = '') => expectOk(await api.get(`/v1/blog/posts${qs}`));
    expect((await list()).data.map((p: { id: string }) => p.id)).toEqual([three.id, two.id, one.id]);
    expect((await list('?status=published')).data.map((p: { id: string }) => p.id)).toEqual([three.id, one.id]);
    expect((await list('?status=draft')).data.map((p: { id: string }) => p.id)).toEqual([two.id]);
    expect((await list('?tag=ai&limit=10')).data.map((p: { id: string }) => p.id)).toEqual([three.id, one.id]);
    expect((await list('?search=PRICING')).data.map((p: { id: string }) => p.id)).toEqual([two.id]);
    const firstPage = await list('?limit=2');
    expect(firstPage).toMatchObject({ total: 3, next_cursor: expect.any(String) });
    expect((await list(`?limit=2&cursor=${firstPage.next_cursor}`)).data.map((p: { id: string }) => p.id)).toEqual([one.id]);
    expect(await list('?limit=1&offset=1')).toMatchObject({ total: 3, data: [expect.objectContaining({ id: two.id })] });
    expect(expectOk(await api.get('/v1/cms/entries?status=published')).data).toHaveLength(2);

    const unpublished = expectOk(await api.post(`/v1/blog/posts/${one.id}/unpublish`)).data;
    expect(unpublished).toMatchObject({ status: 'draft', published_at: null });
    expect(expectOk(await api.post(`/v1/blog/posts/${two.id}/unpublish`)).data.status).toBe('draft');
    expect((await list('?status=published')).total).toBe(1);
  });

  it('deletes permanently; other workspaces, CMS entries of other collections and unknown ids are 404', async () => {
    await setup();
    const p = await post({ title: 'Doomed', content: 'x', author_name: 'Ana' });
    const other = h.api(await h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/blog/posts/${p.id}`)).status).toBe(404);
    expect((await other.delete(`/v1/blog/posts/${p.id}`)).status).toBe(404);
    expect(expectOk(await other.get('/v1/blog/posts'))).toMatchObject({ data: [], total: 0 });

    const col = expectOk(await api.post('/v1/cms/collections', { name: 'Pages', key: 'pages', schema: { fields: [] } }), 201).data;
    const page = expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title: 'Not a post' }), 201).data;
    expect((await api.get(`/v1/blog/posts/${page.id}`)).status).toBe(404);
    expect((await api.post(`/v1/blog/posts/${page.id}/publish`)).status).toBe(404);

    expect(expectOk(await api.delete(`/v1/blog/posts/${p.id}`)).data).toEqual({ id: p.id, deleted: true });
    const gone = await api.get(`/v1/blog/posts/${p.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('Blog post not found.');
    expect((await api.get(`/v1/cms/entries/${p.id}`)).status).toBe(404);
    expect((await api.delete(`/v1/blog/posts/${p.id}`)).status).toBe(404);
  });

  it('a create with an Idempotency-Key replays: one post, one slug', async () => {
    await setup();
    const body = { title: 'Once', content: 'x', author_name: 'Ana' };
    const a = await api.post('/v1/blog/posts', body, { 'idempotency-key': 'p1' });
    const b = await api.post('/v1/blog/posts', body, { 'idempotency-key': 'p1' });
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.data).toEqual(a.body.data);
    expect(expectOk(await api.get('/v1/blog/posts')).total).toBe(1);
  });
});
