-- What citation metadata needs beyond titles and people: a journal's ISSNs and publisher, an
-- article's DOI (case-insensitive, so unique in lower case).
alter table journal add column print_issn text check (print_issn ~ '^[0-9]{4}-[0-9]{3}[0-9X]$');
alter table journal add column online_issn text check (online_issn ~ '^[0-9]{4}-[0-9]{3}[0-9X]$');
alter table journal add column publisher text check (length(publisher) between 1 and 300);
alter table article add column doi text check (doi ~ '^10\.[0-9]{4,9}/\S+$' and length(doi) <= 300);
create unique index article_doi_idx on article (lower(doi));
