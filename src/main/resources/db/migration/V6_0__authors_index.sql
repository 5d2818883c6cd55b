-- The authors index lists people in name order, keyset-paginated on (display_name, id).
create index person_name_idx on person (display_name, id);
