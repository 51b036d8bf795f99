-- The Studio's Recent list (a person's newest top-level expansions, newest first, ties by id) is read after every
-- expansion. Through expansions_owner (owner_id, created_at desc), which neither leaves out refinements nor gives the
-- tie-break, its plan hung on the statistics: with current ones PostgreSQL walked the index and stopped after 12 rows,
-- but with none yet (a new table) or ones that put the person's share of the table far below the truth (one heavy
-- user among many), it read every one of the person's expansions, turned each one's results into text and sorted
-- them to keep 12, a cost that grew with their history (23 ms of PostgreSQL's time at 1,400 expansions). This index
-- holds exactly the list's rows in the list's order, so the scan stops at the 12th whatever the statistics say.
-- expansions_owner stays: deleting an account finds all its expansions, refinements included, by owner_id.
create index expansions_recent on expansions (owner_id, created_at desc, id) where parent_id is null;
