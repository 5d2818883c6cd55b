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
  -- The journal's anonymity when the reviewer was asked: a later change can only make it stricter.
  anonymity      text not null check (anonymity in ('OPEN', 'SINGLE', 'DOUBLE')),
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

-- The board's count per state, kept exact by a trigger so the desk never counts 100,000 rows.
-- Both rows of a state change are updated in one statement (primary-key order), so two
-- transitions in opposite directions cannot deadlock on them.
create table article_state_count (
  status   text primary key,
  articles bigint not null default 0 check (articles >= 0)
);
insert into article_state_count (status, articles)
select s, (select count(*) from article where status = s)
from unnest(array['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REVISIONS_REQUESTED', 'ACCEPTED',
                   'SCHEDULED', 'PUBLISHED', 'RETRACTED', 'REJECTED', 'WITHDRAWN']) s;

create function article_state_count_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update article_state_count set articles = articles + 1 where status = new.status;
  elsif tg_op = 'DELETE' then
    update article_state_count set articles = articles - 1 where status = old.status;
  elsif old.status <> new.status then
    update article_state_count
       set articles = articles + case when status = new.status then 1 else -1 end
     where status in (old.status, new.status);
  end if;
  return null;
end $$;

create trigger article_state_count_trigger
  after insert or delete or update of status on article
  for each row execute function article_state_count_change();
