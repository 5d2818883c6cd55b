-- Disclaimers: notices under articles, chosen by a rule, in priority order. Every text is kept as
-- a numbered version; an article can opt out of a disclaimer or have one added by hand.

create table disclaimers_disclaimer (
  id          bigint generated always as identity primary key,
  sample_key  text unique,
  title       text not null check (length(title) between 1 and 200),
  slot        text not null default 'article.footer'
              check (slot in ('article.before-body', 'article.after-body', 'article.footer',
                              'article.aside')),
  rule        text not null default 'ALL' check (rule in ('ALL', 'CATEGORY', 'TAG', 'AUTHOR',
                                                          'JOURNAL', 'NONE')),
  rule_value  text check (length(rule_value) <= 160),
  priority    int not null default 100,
  active      boolean not null default true,
  version     int not null default 1,
  check ((rule in ('ALL', 'NONE')) = (rule_value is null))
);

create table disclaimers_version (
  disclaimer_id bigint not null references disclaimers_disclaimer (id) on delete cascade,
  version       int not null,
  body          text not null check (length(body) between 1 and 10000),
  saved_at      timestamptz not null default now(),
  saved_by      bigint,
  primary key (disclaimer_id, version)
);

create table disclaimers_article (
  article_id    bigint not null references article (id) on delete cascade,
  disclaimer_id bigint not null references disclaimers_disclaimer (id) on delete cascade,
  mode          text not null check (mode in ('OPT_OUT', 'ADD')),
  primary key (article_id, disclaimer_id)
);
