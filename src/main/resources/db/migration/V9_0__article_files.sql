-- Uploaded bytes, in chunks of at most 1 MB, so a file is written and read without being held in
-- memory whole (decision 0014). One blob per stored file; deleted with it.
create table blob (
  id         bigint generated always as identity primary key,
  size       bigint not null check (size >= 0),
  sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);

create table blob_chunk (
  blob_id bigint not null references blob (id) on delete cascade,
  number  int not null check (number >= 0),
  data    bytea not null,
  primary key (blob_id, number)
);

-- Files published with an article (the PDF version, data appendices), at
-- /articles/<slug>/files/<name>.
create table article_file (
  id         bigint generated always as identity primary key,
  article_id bigint not null references article (id) on delete cascade,
  name       text not null check (name ~ '^[a-z0-9]+(-[a-z0-9]+)*\.(pdf|csv|xlsx|docx|zip)$' and length(name) <= 130),
  label      text not null check (length(label) between 1 and 200),
  kind       text not null check (kind in ('PDF', 'CSV', 'XLSX', 'DOCX', 'ZIP')),
  blob_id    bigint not null references blob (id),
  size       bigint not null check (size > 0),
  sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  position   int not null check (position >= 0),
  added_by   bigint references account (id),
  added_at   timestamptz not null default now(),
  unique (article_id, name)
);
create index article_file_article_idx on article_file (article_id, position);
