-- Single-use links mailed to an account's owner: an invitation to set the first password, or a
-- password reset. Only the SHA-256 of the token is stored; a link is spent when used, and every
-- open link of the account is spent when its password is set.
create table account_link (
  token_hash bytea primary key,
  account_id bigint not null references account (id) on delete cascade,
  purpose    text not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index account_link_account_idx on account_link (account_id, created_at desc);

-- Sessions get an id the owner can name (never the token), and where and in what they began.
alter table account_session add column id bigint generated always as identity unique;
alter table account_session add column ip text;
alter table account_session add column user_agent text check (length(user_agent) <= 300);
