-- A test plugin's own table: its V1 lives in its own history, beside the core's V1.
create table test_marker_note (id int primary key, text text not null);
insert into test_marker_note values (1, 'migrated');
