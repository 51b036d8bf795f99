-- Words people type are compared without accents and across spellings in search and usernames.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gin;
create extension if not exists citext;
