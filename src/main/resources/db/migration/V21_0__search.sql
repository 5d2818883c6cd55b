-- Search on PostgreSQL's own full-text search (docs/search.md). Both extensions are "trusted":
-- a database owner without superuser rights may create them.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- One text search configuration per language PostgreSQL stems, and "simple" for the others, each
-- ignoring accents and case: stet_english, stet_german, ..., stet_simple.
do $$
declare
  language text;
begin
  for language in
    select cfgname from pg_ts_config where cfgnamespace = 'pg_catalog'::regnamespace
  loop
    execute format('create text search configuration %I (copy = pg_catalog.%I)',
                   'stet_' || language, language);
    execute format('alter text search configuration %I alter mapping for hword, hword_part, word'
                   || ' with unaccent, %s', 'stet_' || language,
                   (select string_agg(d.dictname::text, ', ' order by m.mapseqno)
                      from pg_ts_config_map m join pg_ts_dict d on d.oid = m.mapdict
                     where m.mapcfg = format('pg_catalog.%I', language)::regconfig
                       and m.maptokentype = (select tokid from ts_token_type('default')
                                              where alias = 'word')));
  end loop;
end $$;

-- The site's language for search: the configuration every document and query is read with.
alter table site add column search_language text not null default 'english'
  check (search_language ~ '^[a-z]+$');

create function search_config() returns regconfig language sql stable as $$
  select ('stet_' || search_language)::regconfig from site limit 1;
$$;

-- Lower case without accents, for comparing names exactly (immutable, so it can be indexed).
create function search_folded(value text) returns text language sql immutable parallel safe as $$
  select lower(public.unaccent('public.unaccent'::regdictionary, value));
$$;

-- Names typed whole are looked up by these.
create index person_folded_name_idx on person (search_folded(display_name));
create index tag_folded_name_idx on tag (search_folded(name));

-- What search reads, one row per article, kept by the triggers below in the transaction of each
-- change. The vectors grow from the title: `title` (weight A), `lead` adds the excerpt (B),
-- `byline` the names of its authors, tags and category (C), `document` the body (D); relevance is
-- the first of them that matches. `published_at` is set while the article is published (else
-- null): the public site reads only those rows.
create table article_search (
  article_id   bigint primary key references article (id) on delete cascade,
  published_at timestamptz,
  category_id  bigint,
  title        tsvector not null,
  lead         tsvector not null,
  byline       tsvector not null,
  document     tsvector not null
);
create index article_search_published_idx on article_search (published_at desc, article_id desc)
  where published_at is not null;
create index article_search_title_idx on article_search using gin (title);
create index article_search_lead_idx on article_search using gin (lead);
create index article_search_byline_idx on article_search using gin (byline);
create index article_search_document_idx on article_search using gin (document);

-- Words readers can be offered in "Did you mean": every word of published titles, excerpts and
-- names, as written (without accents, lower case). Never from drafts.
create table search_word (
  word text primary key check (length(word) between 2 and 60)
);
create index search_word_trigram_idx on search_word using gin (word gin_trgm_ops);

-- The search row of article `target`, written afresh from its current state.
create function search_refresh(target bigint) returns void language plpgsql as $$
declare
  config regconfig := search_config();
  source article%rowtype;
  names text;
  shown timestamptz;
  title_vector tsvector;
  lead_vector tsvector;
  byline_vector tsvector;
begin
  select * into source from article where id = target;
  if not found then
    return;
  end if;
  select concat_ws(' ',
           (select string_agg(p.display_name, ' ') from article_author aa
              join person p on p.id = aa.person_id where aa.article_id = target),
           (select string_agg(t.name, ' ') from article_tag at
              join tag t on t.id = at.tag_id where at.article_id = target),
           (select c.name from category c where c.id = source.category_id))
    into names;
  shown := case when source.status = 'PUBLISHED' then source.published_at end;
  title_vector := setweight(to_tsvector(config, source.title), 'A');
  lead_vector := title_vector || setweight(to_tsvector(config, coalesce(source.excerpt, '')), 'B');
  byline_vector := lead_vector || setweight(to_tsvector(config, coalesce(names, '')), 'C');
  insert into article_search (article_id, published_at, category_id, title, lead, byline, document)
  values (target, shown, source.category_id, title_vector, lead_vector, byline_vector,
          byline_vector || setweight(to_tsvector(config, source.body), 'D'))
  on conflict (article_id) do update
    set published_at = excluded.published_at, category_id = excluded.category_id,
        title = excluded.title, lead = excluded.lead, byline = excluded.byline,
        document = excluded.document;
  if shown is not null then
    insert into search_word (word)
    select distinct w.lexeme
      from unnest(to_tsvector('stet_simple',
                              concat_ws(' ', source.title, source.excerpt, names))) w
     where length(w.lexeme) between 2 and 60 and w.lexeme !~ '^[0-9]+$'
    on conflict do nothing;
  end if;
end $$;

create function search_article_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT'
     or new.title is distinct from old.title or new.excerpt is distinct from old.excerpt
     or new.body is distinct from old.body or new.status is distinct from old.status
     or new.published_at is distinct from old.published_at
     or new.category_id is distinct from old.category_id then
    perform search_refresh(new.id);
  end if;
  return null;
end $$;

create trigger search_article_change after insert or update on article
  for each row execute function search_article_change();

create function search_part_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform search_refresh(old.article_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.article_id <> old.article_id) then
    perform search_refresh(new.article_id);
  end if;
  return null;
end $$;

create trigger search_author_change after insert or update or delete on article_author
  for each row execute function search_part_change();
create trigger search_tag_change after insert or update or delete on article_tag
  for each row execute function search_part_change();

-- A renamed person, tag or category changes the rows that name them.
create function search_name_change() returns trigger language plpgsql as $$
declare
  each_article bigint;
begin
  if tg_table_name = 'person' then
    if new.display_name is distinct from old.display_name then
      for each_article in select article_id from article_author where person_id = new.id loop
        perform search_refresh(each_article);
      end loop;
    end if;
  elsif new.name is distinct from old.name then
    for each_article in
      select article_id from article_tag where tg_table_name = 'tag' and tag_id = new.id
      union
      select id from article where tg_table_name = 'category' and category_id = new.id
    loop
      perform search_refresh(each_article);
    end loop;
  end if;
  return null;
end $$;

create trigger search_person_name after update of display_name on person
  for each row execute function search_name_change();
create trigger search_tag_name after update of name on tag
  for each row execute function search_name_change();
create trigger search_category_name after update of name on category
  for each row execute function search_name_change();

-- Whether the article's words match a web-search query (the desk's queue narrows by it).
create function search_matches(target bigint, words text) returns boolean language sql stable as $$
  select exists (select 1 from article_search
                  where article_id = target
                    and document @@ websearch_to_tsquery(search_config(), words));
$$;

select search_refresh(id) from article;
