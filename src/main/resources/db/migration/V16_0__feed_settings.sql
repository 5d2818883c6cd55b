-- How many entries a feed lists, and whether entries carry the full text or the excerpt.
alter table site add column feed_entries integer not null default 20
  check (feed_entries between 1 and 100);
alter table site add column feed_full_text boolean not null default false;
