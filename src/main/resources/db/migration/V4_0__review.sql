-- Peer review: reviewers assigned to the exact revision under review, anonymity per journal,
-- and the desk's queues (keyset-paginated by the time an article entered its state).

alter table journal add column review_anonymity text not null default 'SINGLE'
  check (review_anonymity in ('OPEN', 'SINGLE', 'DOUBLE'));

-- The journal a submission is considered for (its review anonymity applies); set by an editor.
alter table article add column journal_id bigint references journal (id);

alter table article add column state_changed_at timestamptz not null default now();
update article set state_changed_at = coalesce(published_at, created_at);
create index article_queue_idx on article (status, state_changed_at, id);
create index article_author_article_idx on article_author (person_id, article_id);

create table review_assignment (
  id             bigint generated always as identity primary key,
  article_id     bigint not null references article (id) on delete cascade,
  reviewer_id    bigint not null references account (id),
  revision       int not null check (revision > 0),
  due_on         date not null,
  state          text not null default 'INVITED'
                 check (state in ('INVITED', 'ACCEPTED', 'DECLINED', 'SUBMITTED', 'CANCELLED')),
  recommendation text check (recommendation in ('ACCEPT', 'MINOR_REVISIONS', 'MAJOR_REVISIONS', 'REJECT')),
  to_author      text check (length(to_author) <= 50000),
  to_editor      text check (length(to_editor) <= 50000),
  decline_reason text check (length(decline_reason) <= 2000),
  assigned_by    bigint references account (id),
  assigned_at    timestamptz not null default now(),
  responded_at   timestamptz,
  submitted_at   timestamptz,
  version        bigint not null default 0,
  check (state <> 'SUBMITTED' or (recommendation is not null and submitted_at is not null)),
  unique (article_id, reviewer_id, revision)
);
create index review_assignment_reviewer_idx on review_assignment (reviewer_id, id desc);
create index review_assignment_article_idx on review_assignment (article_id, id);
