import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { SLUG_PATTERN } from './slug.js';

// Blog posts (seed 001 "Blog Endpoints"), in snake_case: each post is an entry of the
// workspace's built-in `blog` CMS collection, so it is also listed by GET /v1/cms/entries.

const Title = Type.String({ minLength: 1, maxLength: 500, 'x-example': 'Getting Started with AI Agents' });
const Content = Type.String({ minLength: 1, maxLength: 200_000, description: 'Markdown.', 'x-example': '# Introduction\n\nLearn how AI agents can help your business...' });
const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: SLUG_PATTERN, description: 'Lowercase words joined by dashes; unique among the workspace\'s posts (409 otherwise). Generated from the title when omitted (with `-2`, `-3` ... when taken).' });
const Text = (max: number) => Type.String({ maxLength: max });
const Url = Type.String({ minLength: 1, maxLength: 2048, pattern: '^https?://', description: 'An http(s) URL.' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, 'x-example': ['ai', 'getting-started'] });
const AuthorName = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Jordan Martinez' });
const AuthorAgentId = Type.String({ minLength: 1, maxLength: 100, description: 'The agent that wrote the post.' });

export const BLOG_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
const Status = Type.Union(BLOG_STATUSES.map((s) => Type.Literal(s)));

export const CreatePostBody = Type.Object(
  {
    title: Title,
    content: Content,
    author_name: AuthorName,
    slug: Type.Optional(Slug),
    excerpt: Type.Optional(Text(1000)),
    cover_image_url: Type.Optional(Url),
    author_avatar_url: Type.Optional(Url),
    author_agent_id: Type.Optional(AuthorAgentId),
    tags: Type.Optional(Tags),
    meta_description: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const UpdatePostBody = Type.Object(
  {
    title: Type.Optional(Title),
    content: Type.Optional(Content),
    author_name: Type.Optional(AuthorName),
    slug: Type.Optional(Slug),
    excerpt: Type.Optional(Nullable(Text(1000))),
    cover_image_url: Type.Optional(Nullable(Url)),
    author_avatar_url: Type.Optional(Nullable(Url)),
    author_agent_id: Type.Optional(Nullable(AuthorAgentId)),
    tags: Type.Optional(Tags),
    meta_description: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false, minProperties: 1, description: 'Only the fields given change; null clears an optional one. A new `title` without a `slug` regenerates the slug.' },
);

export const PostSchema = Type.Object(
  {
    id: Type.String({ description: 'The `ent_` id of the post\'s CMS entry.' }),
    title: Type.String(),
    slug: Type.String(),
    content: Type.String(),
    excerpt: Nullable(Type.String()),
    cover_image_url: Nullable(Type.String()),
    author_name: Type.String(),
    author_avatar_url: Nullable(Type.String()),
    author_agent_id: Nullable(Type.String()),
    status: Status,
    published_at: Nullable(Timestamp('Set by publish, cleared by unpublish.')),
    tags: Type.Array(Type.String()),
    meta_description: Nullable(Type.String()),
    collection_id: Type.String({ description: 'The workspace\'s built-in `blog` collection.' }),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'BlogPost', title: 'BlogPost' },
);

export const ListPostsQuery = {
  status: Type.Optional(Status),
  tag: Type.Optional(Type.String({ maxLength: 50, description: 'Posts carrying this tag.' })),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the title (case-insensitive).' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Skip this many posts (the seed\'s offset pages); `cursor` pages too.' })),
};

export const PostList = Type.Object({
  data: Type.Array(PostSchema),
  next_cursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page.' })),
  total: Type.Integer({ description: 'Posts matching the filters, on all pages.' }),
  request_id: Type.String(),
});
