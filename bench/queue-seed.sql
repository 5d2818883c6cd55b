-- Seeds bench articles :from..:to for bench/queue-page.sh: every workflow state in turn, each
-- article by one of 1,000 bench authors, with three revisions and a SUBMIT event.
-- One count update per inserted row would rewrite the same count rows 100,000 times in one
-- transaction; bulk loads switch the trigger off and recount once at the end instead.
alter table article disable trigger article_state_count_trigger;

insert into person (display_name, slug)
select 'Bench Author ' || g, 'bench-author-' || g from generate_series(1, 1000) g
on conflict (slug) do nothing;

insert into article (title, slug, body, status, published_at, state_changed_at)
select 'Bench article ' || g,
       'bench-' || g,
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 30),
       (array['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REVISIONS_REQUESTED', 'ACCEPTED', 'SCHEDULED',
              'PUBLISHED', 'RETRACTED', 'REJECTED', 'WITHDRAWN'])[1 + g % 10],
       case g % 10 when 5 then now() + interval '365 days'
                   when 6 then now() - g * interval '1 minute'
                   when 7 then now() - g * interval '1 minute' end,
       now() - g * interval '7 seconds'
from generate_series(:from, :to) g;

insert into article_author (article_id, position, person_id)
select a.id, 0, p.id
from article a
join person p on p.slug = 'bench-author-' || (1 + (substring(a.slug from 7)::int % 1000))
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

insert into article_revision (article_id, number, title, body)
select a.id, n, a.title, a.body
from article a cross join generate_series(1, 3) n
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to;

insert into workflow_event (article_id, actor, action, from_state, to_state, revision)
select a.id, 'bench', 'SUBMIT', 'DRAFT', 'SUBMITTED', 3
from article a
where a.slug ~ '^bench-[0-9]+$' and substring(a.slug from 7)::int between :from and :to
  and a.status <> 'DRAFT';

alter table article enable trigger article_state_count_trigger;
update article_state_count c set articles = (select count(*) from article a where a.status = c.status);

analyze;
