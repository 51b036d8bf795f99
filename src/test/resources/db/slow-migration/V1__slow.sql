-- Longer than MigrationsTest's socket timeout: the migration must still finish.
select pg_sleep(2);
create table slow_done (id int);
