-- What OAI-PMH harvesters see: one row for every article that has ever been on the public site,
-- kept by triggers in the transaction of each change. A record is present (its article is
-- published) or deleted (retracted, unpublished or removed), never both; it has no foreign key,
-- so it outlives its article: deletions are persistent. Its sets are the article's category and
-- journal, kept after deletion so a harvester of a set learns of the deletion too.
create table harvest_record (
  article_id  bigint primary key,
  datestamp   timestamptz not null,
  deleted     boolean not null default false,
  category_id bigint,
  journal_id  bigint
);
-- Lists are keyset pages in (datestamp, article_id) order, whole or per set.
create index harvest_record_datestamp_idx on harvest_record (datestamp, article_id);
create index harvest_record_category_idx on harvest_record (category_id, datestamp, article_id)
  where category_id is not null;
create index harvest_record_journal_idx on harvest_record (journal_id, datestamp, article_id)
  where journal_id is not null;
create index harvest_record_any_category_idx on harvest_record (datestamp, article_id)
  where category_id is not null;
create index harvest_record_any_journal_idx on harvest_record (datestamp, article_id)
  where journal_id is not null;

-- Records per set, so a list's size (completeListSize) never counts a million rows: '' is every
-- record, 'category' and 'journal' those in any, 'category:<id>' and 'journal:<id>' one. The ''
-- row is always taken first, so concurrent changes queue on it and cannot deadlock.
create table harvest_count (
  set_key text primary key,
  records bigint not null check (records >= 0)
);

create function harvest_count_add(category bigint, journal bigint, delta int) returns void
language sql as $$
  insert into harvest_count (set_key, records)
  select k, greatest(delta, 0)
    from unnest(array['',
                      case when category is not null then 'category' end,
                      'category:' || category,
                      case when journal is not null then 'journal' end,
                      'journal:' || journal]) with ordinality as u(k, o)
   where k is not null
   order by o
  on conflict (set_key) do update set records = harvest_count.records + delta;
$$;

create function harvest_count_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.category_id is not distinct from new.category_id
       and old.journal_id is not distinct from new.journal_id then
      return null;
    end if;
    perform harvest_count_add(old.category_id, old.journal_id, -1);
  end if;
  perform harvest_count_add(new.category_id, new.journal_id, 1);
  return null;
end $$;

create trigger harvest_count_trigger
  after insert or update of category_id, journal_id on harvest_record
  for each row execute function harvest_count_change();

-- The record of article `target` after a change: present with its sets when the article is
-- published, deleted when it was present and no longer is. The datestamp is the change's time to
-- the microsecond, so a record changed during a harvest sorts after every record already sent
-- (responses show it to the second, OAI-PMH's finest granularity).
create function harvest_touch(target bigint) returns void language plpgsql as $$
declare
  found_status text;
  found_category bigint;
  found_journal bigint;
begin
  select a.status, a.category_id, i.journal_id
    into found_status, found_category, found_journal
    from article a
    left join issue_placement p on p.article_id = a.id
    left join journal_issue i on i.id = p.issue_id
   where a.id = target;
  if found_status = 'PUBLISHED' then
    insert into harvest_record (article_id, datestamp, deleted, category_id, journal_id)
    values (target, clock_timestamp(), false, found_category, found_journal)
    on conflict (article_id) do update
      set datestamp = excluded.datestamp, deleted = false,
          category_id = excluded.category_id, journal_id = excluded.journal_id;
  else
    update harvest_record
       set datestamp = clock_timestamp(), deleted = true
     where article_id = target and not deleted;
  end if;
end $$;

create function harvest_article_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform harvest_touch(old.id);
  else
    perform harvest_touch(new.id);
  end if;
  return null;
end $$;

create trigger harvest_article_insert
  after insert on article
  for each row when (new.status = 'PUBLISHED')
  execute function harvest_article_change();

-- View counts and other bookkeeping do not change a record; what harvesters read does.
create trigger harvest_article_update
  after update on article
  for each row when ((old.status = 'PUBLISHED' or new.status = 'PUBLISHED')
    and (old.status, old.title, old.slug, old.excerpt, old.body, old.category_id,
         old.published_at, old.doi, old.reference_items)
        is distinct from
        (new.status, new.title, new.slug, new.excerpt, new.body, new.category_id,
         new.published_at, new.doi, new.reference_items))
  execute function harvest_article_change();

create trigger harvest_article_delete
  after delete on article
  for each row execute function harvest_article_change();

-- Bylines, tags, issue placement and corrections are part of a record too.
create function harvest_part_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform harvest_touch(old.article_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.article_id <> old.article_id) then
    perform harvest_touch(new.article_id);
  end if;
  return null;
end $$;

create trigger harvest_author_change after insert or update or delete on article_author
  for each row execute function harvest_part_change();
create trigger harvest_tag_change after insert or update or delete on article_tag
  for each row execute function harvest_part_change();
create trigger harvest_placement_change after insert or update or delete on issue_placement
  for each row execute function harvest_part_change();
create trigger harvest_correction_change after insert on article_correction
  for each row execute function harvest_part_change();

-- A renamed person, tag or category changes the records that name them.
create function harvest_name_change() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'person' then
    update harvest_record set datestamp = clock_timestamp()
     where not deleted
       and article_id in (select article_id from article_author where person_id = new.id);
  elsif tg_table_name = 'tag' then
    update harvest_record set datestamp = clock_timestamp()
     where not deleted
       and article_id in (select article_id from article_tag where tag_id = new.id);
  elsif tg_table_name = 'category' then
    update harvest_record set datestamp = clock_timestamp()
     where not deleted and category_id = new.id;
  end if;
  return null;
end $$;

create trigger harvest_person_rename after update of display_name on person
  for each row when (old.display_name is distinct from new.display_name)
  execute function harvest_name_change();
create trigger harvest_tag_rename after update of name on tag
  for each row when (old.name is distinct from new.name)
  execute function harvest_name_change();
create trigger harvest_category_rename after update of name on category
  for each row when (old.name is distinct from new.name)
  execute function harvest_name_change();

-- Records of what is already public or was: published articles present, retracted ones deleted.
insert into harvest_record (article_id, datestamp, deleted, category_id, journal_id)
select a.id,
       date_trunc('second', greatest(a.published_at, coalesce(a.state_changed_at, a.published_at))),
       a.status = 'RETRACTED',
       a.category_id,
       i.journal_id
  from article a
  left join issue_placement p on p.article_id = a.id
  left join journal_issue i on i.id = p.issue_id
 where a.status in ('PUBLISHED', 'RETRACTED');
