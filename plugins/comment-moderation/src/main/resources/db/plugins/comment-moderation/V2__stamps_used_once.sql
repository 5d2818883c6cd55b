-- A form stamp is good for one comment (or report) per reader network: each use is kept, under
-- the stamp and the reader's keyed hash, until the stamp has expired.
create table comment_moderation_stamp_use (
  stamp   text not null check (length(stamp) <= 40),
  reader  text not null check (length(reader) <= 80),
  used_at timestamptz not null default now(),
  primary key (stamp, reader)
);
create index comment_moderation_stamp_use_age_idx on comment_moderation_stamp_use (used_at);
