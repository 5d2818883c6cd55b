-- An article's publication time copied onto its author and tag rows while it is published (null
-- otherwise), so "the newest published articles of this person or tag" and "when did this
-- person's or tag's page last change" are read from one index, however large the archive.
-- Triggers keep the copy in the transaction of each change: a row added to a published article
-- takes its time, and publishing, rescheduling, retracting or unpublishing an article updates its
-- rows.
alter table article_author add column published_at timestamptz;
alter table article_tag add column published_at timestamptz;

create function listing_date_of(target bigint) returns timestamptz language sql stable as $$
  select published_at from article where id = target and status = 'PUBLISHED';
$$;

create function listing_date_fill() returns trigger language plpgsql as $$
begin
  new.published_at := listing_date_of(new.article_id);
  return new;
end $$;

create trigger article_author_listing_date before insert or update of article_id
  on article_author for each row execute function listing_date_fill();
create trigger article_tag_listing_date before insert or update of article_id
  on article_tag for each row execute function listing_date_fill();

create function listing_date_follow() returns trigger language plpgsql as $$
declare
  shown timestamptz := case when new.status = 'PUBLISHED' then new.published_at end;
begin
  if shown is distinct from (case when old.status = 'PUBLISHED' then old.published_at end) then
    update article_author set published_at = shown where article_id = new.id;
    update article_tag set published_at = shown where article_id = new.id;
  end if;
  return null;
end $$;

create trigger article_listing_dates after update of status, published_at on article
  for each row execute function listing_date_follow();

update article_author aa set published_at = a.published_at
  from article a where a.id = aa.article_id and a.status = 'PUBLISHED';
update article_tag at set published_at = a.published_at
  from article a where a.id = at.article_id and a.status = 'PUBLISHED';

-- Newest first per person or tag; only published rows are indexed.
create index article_author_listing_idx on article_author (person_id, published_at desc, article_id desc)
  where published_at is not null;
create index article_tag_listing_idx on article_tag (tag_id, published_at desc, article_id desc)
  where published_at is not null;
