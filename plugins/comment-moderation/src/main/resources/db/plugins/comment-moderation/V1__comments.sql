-- Reader comments, their moderation, the spam filter's word counts, reports and rate limits.

create table comment_moderation_comment (
  id            bigint generated always as identity primary key,
  article_id    bigint not null references article (id) on delete cascade,
  parent_id     bigint references comment_moderation_comment (id) on delete cascade,
  depth         int not null default 0 check (depth between 0 and 20),
  status        text not null check (status in ('PENDING', 'APPROVED', 'SPAM', 'TRASH')),
  author_name   text not null check (length(author_name) between 1 and 200),
  -- Lower case; never shown on public pages. Erased comments keep an invalid placeholder.
  author_email  text not null check (length(author_email) between 3 and 254),
  author_url    text check (author_url ~ '^https?://' and length(author_url) <= 2000),
  body          text not null check (length(body) between 1 and 100000),
  -- SHA-256 of the article, the e-mail and the normalised text: the same comment twice is a 409.
  body_hash     text not null,
  ip            inet,
  spam_score    real check (spam_score between 0 and 1),
  hold_reason   text check (length(hold_reason) <= 300),
  trained_as    text check (trained_as in ('SPAM', 'HAM')),
  by_editor     boolean not null default false,
  notify        boolean not null default false,
  -- For the commenter's unsubscribe link and the "awaiting moderation" page.
  token         text not null unique check (token ~ '^[A-Za-z0-9_-]{22}$'),
  reports       int not null default 0,
  version       int not null default 1,
  created_at    timestamptz not null default now(),
  moderated_at  timestamptz,
  moderated_by  text,
  edited_at     timestamptz,
  erased        boolean not null default false
);
create index comment_moderation_article_idx
  on comment_moderation_comment (article_id, status, id);
create index comment_moderation_queue_idx on comment_moderation_comment (status, id desc);
create index comment_moderation_email_idx on comment_moderation_comment (author_email, id desc);
create index comment_moderation_ip_age_idx on comment_moderation_comment (created_at)
  where ip is not null;
create unique index comment_moderation_duplicate_idx
  on comment_moderation_comment (article_id, body_hash) where status <> 'TRASH';

-- How many comments are in each state, kept by a trigger: the desk's tabs and navigation show
-- exact counts without counting rows.
create table comment_moderation_count (
  status text primary key,
  n      bigint not null default 0 check (n >= 0)
);
insert into comment_moderation_count (status) values ('PENDING'), ('APPROVED'), ('SPAM'), ('TRASH');

create function comment_moderation_recount() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update comment_moderation_count set n = n - 1 where status = old.status;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update comment_moderation_count set n = n + 1 where status = new.status;
  end if;
  return null;
end $$;

create trigger comment_moderation_count_trigger
  after insert or delete or update of status on comment_moderation_comment
  for each row execute function comment_moderation_recount();

-- Per article: OPEN (the rules decide), CLOSED (shown, no new comments) or OFF (not shown).
create table comment_moderation_article (
  article_id bigint primary key references article (id) on delete cascade,
  mode       text not null check (mode in ('OPEN', 'CLOSED', 'OFF'))
);

-- The spam filter: how often each word was in comments moderators called spam or approved.
create table comment_moderation_token (
  token text primary key check (length(token) <= 80),
  spam  int not null default 0 check (spam >= 0),
  ham   int not null default 0 check (ham >= 0)
);
create table comment_moderation_corpus (
  id   smallint primary key check (id = 1),
  spam int not null default 0 check (spam >= 0),
  ham  int not null default 0 check (ham >= 0)
);
insert into comment_moderation_corpus (id) values (1);

-- A random key of this installation: readers' addresses are hashed with it (rate limits,
-- reports), so the hashes cannot be reversed by hashing every possible address.
create table comment_moderation_key (
  id  smallint primary key check (id = 1),
  key text not null
);
insert into comment_moderation_key (id, key)
  values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- One report per reader (a keyed hash of their address) per comment; erased with the addresses.
create table comment_moderation_report (
  comment_id bigint not null references comment_moderation_comment (id) on delete cascade,
  reporter   text not null,
  reason     text check (length(reason) <= 500),
  created_at timestamptz not null default now(),
  primary key (comment_id, reporter)
);

-- When a reader (hashed address or e-mail) last commented, for the rate limit.
create table comment_moderation_rate (
  key text primary key,
  at  timestamptz not null
);

-- When the editors' digest of pending comments was last sent (one row: exactly once).
create table comment_moderation_digest (
  id      smallint primary key check (id = 1),
  sent_at timestamptz not null
);
insert into comment_moderation_digest (id, sent_at) values (1, now());
