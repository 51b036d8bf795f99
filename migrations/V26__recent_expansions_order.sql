-- The Studio's Recent list (a person's newest top-level expansions, newest first, ties by id) is read after every
-- expansion. Served by expansions_owner (owner_id, created_at desc), which neither leaves out refinements nor gives
-- the tie-break, PostgreSQL read every one of the person's expansions, turned each one's results into text and sorted
-- them to keep 12: the cost grew with the person's history (23 ms of PostgreSQL's CPU at 1,400 expansions). This
-- index holds exactly the list's rows in the list's order, so the scan stops at the 12th, whatever the statistics
-- say (a table not yet analysed made the planner choose the sort even with an ordered index on every row).
-- expansions_owner stays: deleting an account finds all its expansions, refinements included, by owner_id.
create index expansions_recent on expansions (owner_id, created_at desc, id) where parent_id is null;
