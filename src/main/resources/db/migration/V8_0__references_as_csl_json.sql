-- References become CSL-JSON items (the format Zotero, Crossref and pandoc share), stored with the
-- article as one ordered array: {"id": <cite key>, "type": ..., "author": [...], ...}.
alter table article add column reference_items jsonb not null default '[]'
  check (jsonb_typeof(reference_items) = 'array');

update article a
   set reference_items = coalesce((
     select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
              'id', r.cite_key,
              'type', 'webpage',
              'author', (select jsonb_agg(case
                                when position(',' in n) > 0 then jsonb_build_object(
                                  'family', btrim(split_part(n, ',', 1)),
                                  'given', btrim(substr(n, position(',' in n) + 1)))
                                else jsonb_build_object('literal', n) end
                              order by o)
                           from unnest(r.authors) with ordinality as u(n, o)),
              'issued', case when r.year is null then null
                             else jsonb_build_object('date-parts', jsonb_build_array(jsonb_build_array(r.year))) end,
              'title', r.title,
              'container-title', r.container,
              'URL', r.url))
            order by r.position)
       from article_reference r
      where r.article_id = a.id), '[]');

drop table article_reference;

-- Each revision keeps the references it was saved with; revisions saved before this migration
-- get the article's references (until now only the sample importer wrote any).
alter table article_revision add column reference_items jsonb;
update article_revision v set reference_items = a.reference_items from article a where a.id = v.article_id;
alter table article_revision alter column reference_items set default '[]';
alter table article_revision alter column reference_items set not null;

-- The citation style (a CSL style id): the site's, and a journal's own when it has one.
alter table site add column citation_style text not null default 'apa'
  check (citation_style ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(citation_style) <= 120);
alter table journal add column citation_style text
  check (citation_style ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(citation_style) <= 120);
