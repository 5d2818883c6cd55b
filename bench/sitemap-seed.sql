-- Seeds bench articles :from..:to for bench/sitemap.sh and bench/oai.sh: nine in ten published
-- (one a minute into the past), the rest drafts; each by one of 1,000 bench authors and with one
-- of 500 bench tags. Row triggers are off while seeding; their tables (state counts, harvest
-- records and counts) are filled in bulk after.
insert into person (display_name, slug)
select 'Bench Author ' || g, 'bench-author-' || g from generate_series(1, 1000) g
on conflict (slug) do nothing;

insert into tag (name, slug)
select 'Bench tag ' || g, 'bench-tag-' || g from generate_series(1, 500) g
on conflict (slug) do nothing;

alter table article disable trigger article_state_count_trigger;
alter table article disable trigger harvest_article_insert;
alter table article_author disable trigger harvest_author_change;
alter table article_tag disable trigger harvest_tag_change;
alter table harvest_record disable trigger harvest_count_trigger;

insert into article (title, slug, body, status, published_at, state_changed_at)
select 'Bench article ' || g,
       'bench-' || g,
       'Text of bench article ' || g || '.',
       case when g % 10 = 0 then 'DRAFT' else 'PUBLISHED' end,
       case when g % 10 = 0 then null else now() - g * interval '1 minute' end,
       now() - g * interval '1 minute'
from generate_series(:from, :to) g;

insert into article_author (article_id, position, person_id)
select a.id, 0, p.id
from article a
join person p on p.slug = 'bench-author-' || (1 + (substring(a.slug from 7)::int % 1000))
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

insert into article_tag (article_id, position, tag_id)
select a.id, 0, t.id
from article a
join tag t on t.slug = 'bench-tag-' || (1 + (substring(a.slug from 7)::int % 500))
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

insert into harvest_record (article_id, datestamp, deleted)
select a.id, a.published_at, false
from article a
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to
  and a.status = 'PUBLISHED';

insert into harvest_count (set_key, records)
select '', count(*) from harvest_record
on conflict (set_key) do update set records = excluded.records;

update article_state_count c set articles = (select count(*) from article a where a.status = c.status);

alter table article enable trigger article_state_count_trigger;
alter table article enable trigger harvest_article_insert;
alter table article_author enable trigger harvest_author_change;
alter table article_tag enable trigger harvest_tag_change;
alter table harvest_record enable trigger harvest_count_trigger;
vacuum analyze;
checkpoint;
