import { expectOk } from '../../helpers/harness.js';
import type { RouteGroup } from './types.js';

// Security-suite table for the CMS and blog routes (see ../security.test.ts).
export const group: RouteGroup = {
  routes: {
    'POST /v1/cms/sites': { body: { key: 'slab5_com', name: 'slab5.com', primary_domain: 'slab5.com' } },
    'GET /v1/cms/sites': {},
    'GET /v1/cms/sites/:id': { owns: 'cms_site' },
    'POST /v1/cms/collections': { body: { name: 'Blog Posts', key: 'blog_posts', schema: { fields: [{ key: 'title', type: 'string', required: true }, { key: 'body', type: 'markdown', required: true }] } } },
    'GET /v1/cms/collections': {},
    'GET /v1/cms/collections/:id': { owns: 'cms_collection' },
    'PATCH /v1/cms/collections/:id': { owns: 'cms_collection', body: { name: 'Renamed' } },
    'POST /v1/cms/entries': { body: { collection_id: 'col_00000000000000000000000000', title: 'AI follow-up workflows', fields: { body: 'Draft content...' } } },
    'GET /v1/cms/entries': {},
    'GET /v1/cms/entries/search': { query: 'query=owner' },
    'GET /v1/cms/entries/:id': { owns: 'cms_entry' },
    'PATCH /v1/cms/entries/:id': { owns: 'cms_entry', body: { status: 'review' } },
    'DELETE /v1/cms/entries/:id': { owns: 'cms_entry' },
    'POST /v1/blog/posts': { body: { title: 'Getting Started with AI Agents', content: '# Introduction', author_name: 'Jordan Martinez' } },
    'GET /v1/blog/posts': {},
    'GET /v1/blog/posts/:id': { owns: 'blog_post' },
    'PATCH /v1/blog/posts/:id': { owns: 'blog_post', body: { title: 'Updated Title' } },
    'DELETE /v1/blog/posts/:id': { owns: 'blog_post' },
    'POST /v1/blog/posts/:id/publish': { owns: 'blog_post' },
    'POST /v1/blog/posts/:id/unpublish': { owns: 'blog_post' },
  },
  async own(api, owned) {
    owned.cms_site = expectOk(await api.post('/v1/cms/sites', { key: 'owner_site', name: 'Owner site' }), 201).data.id;
    owned.cms_collection = expectOk(await api.post('/v1/cms/collections', { name: 'Owner pages', key: 'owner_pages', schema: { fields: [] } }), 201).data.id;
    owned.cms_entry = expectOk(await api.post('/v1/cms/entries', { collection_id: owned.cms_collection, title: 'Owner entry' }), 201).data.id;
    owned.blog_post = expectOk(await api.post('/v1/blog/posts', { title: 'Owner post', content: 'owner', author_name: 'Owner' }), 201).data.id;
  },
};
