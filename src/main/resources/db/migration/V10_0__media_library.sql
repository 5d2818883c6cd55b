-- The site's media library: images uploaded for figures, each served in several widths (variants,
-- blobs of decision 0014). Bodies cite an image as ![alt](/media/<key>); pages show the current
-- variants at /media/<key>/<version>/<width>.<ext>, a new version when the image is replaced.
create table media_item (
  id       bigint generated always as identity primary key,
  key      text not null unique check (key ~ '^[A-Za-z0-9_-]{22}$'),
  name     text not null check (length(name) between 1 and 255),
  alt      text not null default '' check (length(alt) <= 1000),
  kind     text not null check (kind in ('JPEG', 'PNG', 'WEBP', 'GIF')),
  width    int not null check (width > 0),
  height   int not null check (height > 0),
  version  text not null check (version ~ '^[0-9a-f]{12}$'),
  added_by bigint references account (id),
  added_at timestamptz not null default now()
);
create index media_item_name_idx on media_item (lower(name) text_pattern_ops);

create table media_variant (
  media_id bigint not null references media_item (id) on delete cascade,
  width    int not null check (width > 0),
  height   int not null check (height > 0),
  blob_id  bigint not null references blob (id),
  size     bigint not null check (size > 0),
  primary key (media_id, width)
);
