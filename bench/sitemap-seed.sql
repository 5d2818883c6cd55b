-- Seeds bench articles :from..:to for bench/sitemap.sh: nine in ten published (one a minute into
-- the past), the rest drafts; each by one of 1,000 bench authors and with one of 500 bench tags.
insert into person (display_name, slug)
select 'Bench Author ' || g, 'bench-author-' || g from generate_series(1, 1000) g
on conflict (slug) do nothing;

insert into tag (name, slug)
select 'Bench tag ' || g, 'bench-tag-' || g from generate_series(1, 500) g
on conflict (slug) do nothing;

alter table article disable trigger article_state_count_trigger;

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

alter table article enable trigger article_state_count_trigger;
analyze;
