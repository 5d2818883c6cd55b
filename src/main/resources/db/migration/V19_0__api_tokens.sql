-- Personal API tokens of built-in accounts: only their SHA-256 is kept; revoked ones stay listed
-- (with when) until the account goes.
create table api_token (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash bytea not null unique,
  hint text not null check (length(hint) between 1 and 20),
  scope text not null check (scope in ('READ', 'WRITE')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_account_idx on api_token (account_id, created_at desc);
