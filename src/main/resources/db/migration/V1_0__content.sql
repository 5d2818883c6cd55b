-- Content model v1: site, people, taxonomy, articles, journals and issues.
-- Slugs are lowercase ASCII words joined by hyphens; every listing has an index that serves
-- its keyset pagination (published_at desc, id desc).

create table site (
  id          smallint primary key check (id = 1),
  name        text not null check (length(name) between 1 and 200),
  tagline     text check (length(tagline) <= 300),
  time_zone   text not null default 'UTC',
  locale      text not null default 'en'
);

create table person (
  id           bigint generated always as identity primary key,
  display_name text not null check (length(display_name) between 1 and 200),
  slug         text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120)
);

create table category (
  id    bigint generated always as identity primary key,
  name  text not null check (length(name) between 1 and 120),
  slug  text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120)
);

create table tag (
  id    bigint generated always as identity primary key,
  name  text not null check (length(name) between 1 and 120),
  slug  text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120)
);

create table article (
  id           bigint generated always as identity primary key,
  title        text not null check (length(title) between 1 and 300),
  slug         text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 160),
  body         text not null default '',
  excerpt      text check (length(excerpt) <= 1000),
  category_id  bigint references category (id),
  status       text not null default 'DRAFT' check (status in
                 ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REVISIONS_REQUESTED', 'ACCEPTED',
                  'SCHEDULED', 'PUBLISHED', 'RETRACTED', 'REJECTED', 'WITHDRAWN')),
  published_at timestamptz,
  view_count   bigint not null default 0 check (view_count >= 0),
  version      bigint not null default 0,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  check (status not in ('PUBLISHED', 'SCHEDULED', 'RETRACTED') or published_at is not null)
);
create index article_published_idx on article (published_at desc, id desc) where status = 'PUBLISHED';
create index article_category_published_idx on article (category_id, published_at desc, id desc)
  where status = 'PUBLISHED';

create table article_author (
  article_id bigint not null references article (id) on delete cascade,
  position   int not null check (position >= 0),
  person_id  bigint not null references person (id),
  primary key (article_id, position),
  unique (article_id, person_id) deferrable initially deferred
);
create index article_author_person_idx on article_author (person_id);

create table article_tag (
  article_id bigint not null references article (id) on delete cascade,
  position   int not null check (position >= 0),
  tag_id     bigint not null references tag (id),
  primary key (article_id, position),
  unique (article_id, tag_id) deferrable initially deferred
);
create index article_tag_tag_idx on article_tag (tag_id);

-- A work the article cites; rendered in APA style and cited in the body as [@key].
create table article_reference (
  article_id   bigint not null references article (id) on delete cascade,
  position     int not null check (position >= 0),
  cite_key     text not null check (cite_key ~ '^[A-Za-z0-9_-]{1,80}$'),
  authors      text[] not null,
  year         int check (year between 1000 and 9999),
  title        text not null check (length(title) between 1 and 500),
  container    text check (length(container) <= 300),
  url          text check (url ~ '^https?://' and length(url) <= 2000),
  primary key (article_id, position),
  unique (article_id, cite_key) deferrable initially deferred
);

create table journal (
  id          bigint generated always as identity primary key,
  name        text not null check (length(name) between 1 and 200),
  slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  description text check (length(description) <= 2000)
);

create table journal_issue (
  id          bigint generated always as identity primary key,
  journal_id  bigint not null references journal (id),
  number      int not null check (number > 0),
  volume      int check (volume > 0),
  year        int not null check (year between 1000 and 9999),
  month       int not null check (month between 1 and 12),
  title       text check (length(title) <= 300),
  status      text not null default 'PLANNED' check (status in ('PLANNED', 'PUBLISHED')),
  unique (journal_id, number)
);
create index journal_issue_journal_idx on journal_issue (journal_id, year desc, month desc, number desc);

-- An article appears in at most one issue, at one position of its table of contents.
create table issue_placement (
  article_id  bigint primary key references article (id) on delete cascade,
  issue_id    bigint not null references journal_issue (id),
  position    int not null check (position >= 0),
  unique (issue_id, position) deferrable initially deferred
);

insert into site (id, name) values (1, 'Stet');
