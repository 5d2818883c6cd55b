-- Identity: built-in accounts (or accounts linked to a Keycloak subject), their server-side
-- sessions, and the audit trail.

create table account (
  id               bigint generated always as identity primary key,
  email            text not null unique
                     check (length(email) between 3 and 254 and email = lower(email) and email like '%_@_%'),
  display_name     text not null check (length(display_name) between 1 and 200),
  -- bcrypt; null for accounts that only sign in through Keycloak
  password_hash    text,
  -- the OIDC "sub" of a Keycloak user; accounts are keyed on it, never on the e-mail
  external_subject text unique,
  roles            text[] not null default '{}'
                     check (roles <@ array['AUTHOR', 'REVIEWER', 'EDITOR', 'ADMIN']::text[]),
  person_id        bigint unique references person (id),
  disabled         boolean not null default false,
  failed_sign_ins  int not null default 0,
  locked_until     timestamptz,
  created_at       timestamptz not null default now()
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored.
create table account_session (
  token_hash   bytea primary key,
  account_id   bigint not null references account (id) on delete cascade,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index account_session_account_idx on account_session (account_id);

create table audit_event (
  id        bigint generated always as identity primary key,
  at        timestamptz not null default now(),
  actor_id  bigint references account (id),
  -- who, as shown: an e-mail, "anonymous" or "system"
  actor     text not null,
  action    text not null,
  target    text,
  detail    text,
  ip        text
);
create index audit_event_at_idx on audit_event (at desc, id desc);
