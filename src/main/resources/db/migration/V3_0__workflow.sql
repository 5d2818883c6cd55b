-- Editorial workflow: every save of an article is a revision; every state change is an event.

create table article_revision (
  article_id  bigint not null references article (id) on delete cascade,
  number      int not null check (number > 0),
  title       text not null,
  body        text not null,
  excerpt     text,
  saved_by    bigint references account (id),
  saved_at    timestamptz not null default now(),
  primary key (article_id, number)
);

-- Append-only: who moved which article from which state to which, reading which revision, and why.
create table workflow_event (
  id          bigint generated always as identity primary key,
  article_id  bigint not null references article (id),
  at          timestamptz not null default now(),
  actor_id    bigint references account (id),
  actor       text not null,
  action      text not null,
  from_state  text not null,
  to_state    text not null,
  revision    int,
  note        text check (length(note) <= 10000)
);
create index workflow_event_article_idx on workflow_event (article_id, id);

create rule workflow_event_no_update as on update to workflow_event do instead nothing;
create rule workflow_event_no_delete as on delete to workflow_event do instead nothing;
