-- Corrections of published articles: each is a revision published at once, with an optional note
-- readers see beside the date. The newest one is the article's dateModified.
create table article_correction (
  id bigserial primary key,
  article_id bigint not null references article (id) on delete cascade,
  revision integer not null,
  note text check (length(note) <= 2000),
  corrected_by bigint references account (id),
  corrected_at timestamptz not null default now(),
  foreign key (article_id, revision) references article_revision (article_id, number)
);
create index article_correction_article_idx on article_correction (article_id, corrected_at);
