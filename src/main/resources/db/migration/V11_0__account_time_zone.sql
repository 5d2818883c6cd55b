-- The zone in which the desk shows an account's dates; null: the site's zone.
alter table account add column time_zone text;
