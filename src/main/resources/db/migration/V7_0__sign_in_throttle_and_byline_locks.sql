-- Sign-in failures throttle where they come from, never the account: a key per source network
-- and per pair (network, e-mail), each a keyed hash (SiteSecrets), with a growing wait.
create table sign_in_throttle (
  key             text primary key check (length(key) between 10 and 100),
  failures        int not null check (failures > 0),
  last_failure_at timestamptz not null,
  blocked_until   timestamptz not null
);
create index sign_in_throttle_age_idx on sign_in_throttle (last_failure_at);

-- Accounts are no longer locked by failures (anyone could lock anyone out); the owner is told
-- by mail after repeated failures instead, at most once a day.
alter table account drop column locked_until;
alter table account add column failures_reported_at timestamptz;

-- An admin can lock a byline name: nobody can then rename it (the profile editor, the API).
alter table person add column name_locked boolean not null default false;
-- Bylines are compared as their owners cannot easily tell apart: case and spacing aside.
create index person_name_key_idx on person (lower(regexp_replace(btrim(display_name), '\s+', ' ', 'g')));
