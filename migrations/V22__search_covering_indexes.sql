-- A word that is common in one person's library (or among public prompts) is searched by walking the newest prompts
-- in created_at order until 501 match. Through prompts_owner_created that reads one heap page per prompt walked
-- (~2,000 for a word in a quarter of them), because a person's prompts are spread over the table. These indexes carry
-- the words (tsv, with positions, which ranking needs) beside the order, so the walk and the ranking of its matches
-- are index-only: ~200 index pages. At 1M prompts (heap 1.3 GB) they add ~800 MB (owner) and ~160 MB (public).
--
-- A btree entry must stay under ~2.7 kB, and the tsv of a long prompt (12,000 characters of text) is bigger, so only
-- words that fit are indexed here; prompts with more have a plain index in the same order, and a search reads both
-- halves (PromptSearch). The test is on the words' text form, which is immutable, unlike pg_column_size, and bounds
-- the stored form: per lexeme the text has at least 2 characters per position plus 4 ('x':1 and a space), the stored
-- form 2 bytes per position plus at most 7, and a lexeme takes at least 6 characters of text, so 1,500 characters are
-- at most ~2,510 bytes. No seeded prompt is longer than ~1,200.
create index prompts_owner_words on prompts (owner_id, created_at desc) include (id, tsv)
  where deleted_at is null and octet_length(tsv::text) <= 1500;
create index prompts_owner_words_large on prompts (owner_id, created_at desc)
  where deleted_at is null and octet_length(tsv::text) > 1500;
create index prompts_public_words on prompts (created_at desc) include (id, tsv)
  where visibility = 'public' and deleted_at is null and octet_length(tsv::text) <= 1500;
create index prompts_public_words_large on prompts (created_at desc)
  where visibility = 'public' and deleted_at is null and octet_length(tsv::text) > 1500;

-- Without it the planner takes a third of the prompts to be too long and may test each match of a rare word for it
-- instead of reading the (nearly empty) index of the long ones.
create statistics prompts_words_length on (octet_length(tsv::text)) from prompts;
