-- Photos (re-encoded by Stet, never the upload itself) and the history of every profile change.

create table author_profiles_photo (
  person_id   bigint primary key references person (id) on delete cascade,
  -- Server-generated, random, in the photo's address; a new photo gets a new key, so the
  -- address of a photo never changes what it shows and browsers may cache it for good.
  photo_key   text not null unique check (photo_key ~ '^[A-Za-z0-9_-]{22}$'),
  large       bytea not null,
  small       bytea not null,
  source_type text not null,
  uploaded_at timestamptz not null default now()
);

create table author_profiles_history (
  id        bigint generated always as identity primary key,
  person_id bigint not null references person (id) on delete cascade,
  -- The profile version this entry saved; null for photo changes, which keep the text.
  version   int,
  note      text not null check (length(note) <= 200),
  saved_by  text not null check (length(saved_by) <= 300),
  saved_at  timestamptz not null default now(),
  snapshot  jsonb not null
);
create index author_profiles_history_person_idx on author_profiles_history (person_id, id desc);
