-- Author profiles: a public record per person, with positions held over dated periods, so an
-- article shows the position its author held when it was published.

create table author_profiles_profile (
  person_id    bigint primary key references person (id) on delete cascade,
  affiliation  text check (length(affiliation) <= 300),
  biography    text check (length(biography) <= 20000),
  orcid        text check (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
  public_email text check (length(public_email) <= 254),
  sample_key   text unique,
  version      int not null default 1,
  updated_at   timestamptz not null default now()
);

create table author_profiles_position (
  id         bigint generated always as identity primary key,
  person_id  bigint not null references person (id) on delete cascade,
  title      text not null check (length(title) between 1 and 200),
  starts_on  date not null,
  ends_on    date,
  check (ends_on is null or ends_on >= starts_on)
);
create index author_profiles_position_person_idx on author_profiles_position (person_id, starts_on);

create table author_profiles_link (
  person_id bigint not null references person (id) on delete cascade,
  position  int not null,
  label     text not null check (length(label) between 1 and 100),
  url       text not null check (url ~ '^https?://' and length(url) <= 2000),
  primary key (person_id, position)
);
