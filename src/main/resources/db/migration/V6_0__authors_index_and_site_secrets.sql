-- The authors index lists people in name order, keyset-paginated on (display_name, id).
create index person_name_idx on person (display_name, id);

-- Keys Stet makes for itself on first start and every instance shares (e.g. the key that signs
-- public form stamps). Never shown anywhere.
create table site_secret (
  name  text primary key check (length(name) between 1 and 60),
  value text not null check (length(value) between 32 and 200)
);
