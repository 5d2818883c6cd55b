-- DOIs: each journal's prefix and suffix pattern and who deposits its metadata with Crossref;
-- an article's DOI is fixed once it is deposited; every deposit is kept with Crossref's answer.
alter table journal add column doi_prefix text check (doi_prefix ~ '^10\.[0-9]{4,9}$');
alter table journal add column doi_suffix_pattern text
  check (length(doi_suffix_pattern) between 1 and 200);
alter table journal add column depositor_name text check (length(depositor_name) between 1 and 130);
alter table journal add column depositor_email text
  check (length(depositor_email) between 6 and 200);
alter table article add column doi_deposited_at timestamptz;
alter table article add constraint article_deposited_has_doi
  check (doi_deposited_at is null or doi is not null);

create table crossref_deposit (
  id bigint generated always as identity primary key,
  batch_id text not null unique,
  journal_id bigint not null references journal (id),
  issue_id bigint references journal_issue (id),
  article_ids bigint[] not null,
  deposited_at timestamptz not null default now(),
  deposited_by text not null,
  http_status integer not null,
  accepted boolean not null,
  answer text not null
);
create index crossref_deposit_journal_idx on crossref_deposit (journal_id, deposited_at desc);
