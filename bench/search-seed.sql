-- Seeds bench articles :from..:to for bench/search.sh: every one published (a minute apart), with
-- a title and a body of sentences from the seed article (table bench_sentence), a word every
-- hundredth article shares (topicN), one every thousandth shares (rareN) and one of its own
-- (uniqueN); one of 1,000 bench authors, one of 500 tags, and every tenth in a bench category.
-- Row triggers are off while seeding; what they keep is filled in bulk after.
insert into person (display_name, slug)
select 'Bench Author ' || g, 'bench-author-' || g from generate_series(1, 1000) g
on conflict (slug) do nothing;
insert into tag (name, slug)
select 'Bench tag ' || g, 'bench-tag-' || g from generate_series(1, 500) g
on conflict (slug) do nothing;
insert into category (name, slug) values ('Bench category', 'bench-category')
on conflict (slug) do nothing;

alter table article disable trigger user;
alter table article_author disable trigger user;
alter table article_tag disable trigger user;

create temporary table bench_new as
select g,
       (select count(*) from bench_sentence) as sentences
from generate_series(:from, :to) g;

insert into article (title, slug, body, excerpt, status, published_at, state_changed_at, category_id)
select (select s.text from bench_sentence s where s.n = 1 + (g * 7) % n.sentences limit 1)::varchar(200)
         || ' topic' || (g % 100),
       'bench-' || g,
       (select string_agg(s.text, ' ' order by s.n) from bench_sentence s
         where s.n in (1 + (g * 13) % n.sentences, 1 + (g * 17) % n.sentences,
                       1 + (g * 19) % n.sentences, 1 + (g * 23) % n.sentences))
         || ' rare' || (g % 1000) || ' unique' || g || '.',
       (select s.text from bench_sentence s where s.n = 1 + (g * 29) % n.sentences),
       'PUBLISHED',
       now() - g * interval '1 minute',
       now() - g * interval '1 minute',
       case when g % 10 = 0 then (select id from category where slug = 'bench-category') end
from bench_new n;

insert into article_author (article_id, position, person_id, published_at)
select a.id, 0, p.id, a.published_at
from article a
join person p on p.slug = 'bench-author-' || (1 + (substring(a.slug from 7)::int % 1000))
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

insert into article_tag (article_id, position, tag_id, published_at)
select a.id, 0, t.id, a.published_at
from article a
join tag t on t.slug = 'bench-tag-' || (1 + (substring(a.slug from 7)::int % 500))
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

-- What search_refresh() writes, for all new articles at once; the GIN indexes are built after
-- (as a restore would), which is much faster than growing them row by row.
drop index article_search_title_idx, article_search_lead_idx, article_search_byline_idx,
  article_search_document_idx;
insert into article_search (article_id, published_at, category_id, title, lead, byline, document)
select id, published_at, category_id, t, l, b, b || setweight(to_tsvector(search_config(), body), 'D')
from (
  select a.id, a.published_at, a.category_id, a.body,
         setweight(to_tsvector(search_config(), a.title), 'A') as t,
         setweight(to_tsvector(search_config(), a.title), 'A')
           || setweight(to_tsvector(search_config(), coalesce(a.excerpt, '')), 'B') as l,
         setweight(to_tsvector(search_config(), a.title), 'A')
           || setweight(to_tsvector(search_config(), coalesce(a.excerpt, '')), 'B')
           || setweight(to_tsvector(search_config(), concat_ws(' ',
                'Bench Author ' || (1 + (substring(a.slug from 7)::int % 1000)),
                'Bench tag ' || (1 + (substring(a.slug from 7)::int % 500)),
                case when a.category_id is not null then 'Bench category' end)), 'C') as b
  from article a
  where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to
) seeded;

set maintenance_work_mem = '256MB';
create index article_search_title_idx on article_search using gin (title);
create index article_search_lead_idx on article_search using gin (lead);
create index article_search_byline_idx on article_search using gin (byline);
create index article_search_document_idx on article_search using gin (document);

alter table article enable trigger user;
alter table article_author enable trigger user;
alter table article_tag enable trigger user;

update article_state_count c set articles = (select count(*) from article a where a.status = c.status);
analyze article_search;

-- The words "Did you mean" offers: those of published titles and excerpts.
insert into search_word (word)
select word from ts_stat($$select to_tsvector('stet_simple', title || ' ' || coalesce(excerpt, ''))
                           from article where slug ~ '^bench-[0-9]+$'
                             and substring(slug from 7)::int between 1 and 2000$$)
where length(word) between 2 and 60 and word !~ '^[0-9]+$'
on conflict do nothing;
