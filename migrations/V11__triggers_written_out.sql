-- Every trigger that keeps the library's derived data current, written out by name so each can be found with
-- grep. V6 created the revision triggers in a loop; they are recreated here one by one, unchanged.
--
-- The chain, for a tag added to a prompt (removing one runs the same way):
--
--   insert into tags            -> tags_revision              (deferred)  -> users.revision
--   insert into prompt_tags     -> prompt_tags_text           (row)       -> update prompts set tag_text
--     update prompts.tag_text   -> prompts.tsv                (generated column, recomputed: tag_text changed)
--                               -> prompts_words_update       (row, only when a searched text changed) -> search_words
--                               -> prompts_revision           (deferred)  -> users.revision
--
-- A counter (use_count, image_count, cover_image_id, version) changes none of the searched texts, so it
-- neither collects words nor recomputes tsv: PostgreSQL skips a stored generated column whose inputs an
-- UPDATE does not assign, unless the table has a BEFORE UPDATE row trigger. Keep prompts free of those.
-- It still bumps the owner's revision, because the library pages sort by those counters.

-- Deferred to commit: the users row is locked only for the instant before commit, so two transactions of one
-- person that touch the same rows in different orders cannot deadlock on it.
drop trigger prompts_revision on prompts;
create constraint trigger prompts_revision after insert or update or delete on prompts
  deferrable initially deferred for each row execute function owner_revision();

drop trigger tags_revision on tags;
create constraint trigger tags_revision after insert or update or delete on tags
  deferrable initially deferred for each row execute function owner_revision();

drop trigger collections_revision on collections;
create constraint trigger collections_revision after insert or update or delete on collections
  deferrable initially deferred for each row execute function owner_revision();

drop trigger expansions_revision on expansions;
create constraint trigger expansions_revision after insert or update or delete on expansions
  deferrable initially deferred for each row execute function owner_revision();

drop trigger expansion_instructions_revision on expansion_instructions;
create constraint trigger expansion_instructions_revision after insert or update or delete on expansion_instructions
  deferrable initially deferred for each row execute function owner_revision();

drop trigger instruction_choices_revision on instruction_choices;
create constraint trigger instruction_choices_revision after insert or update or delete on instruction_choices
  deferrable initially deferred for each row execute function owner_revision();

drop trigger wildcards_revision on wildcards;
create constraint trigger wildcards_revision after insert or update or delete on wildcards
  deferrable initially deferred for each row execute function owner_revision();

-- collection_items_revision and bookmarks_revision are written out in V6 already.

-- Words of an edited prompt, for "did you mean". A statement trigger with a transition table cannot name
-- columns, so V5's fired for every update and split every updated prompt into words, counter bumps included.
-- Row-level with a WHEN clause, a bump costs a comparison and no function call. Inserts stay statement-level
-- (prompts_words_insert), so a bulk import collects its words in one pass.
drop trigger prompts_words_update on prompts;

create function prompt_collect_words() returns trigger language plpgsql as $$
begin
  insert into search_words (owner_id, word)
    select distinct new.owner_id, w
    from regexp_split_to_table(lower(unaccent(new.title || ' ' || new.text || ' ' || new.idea || ' ' || new.tag_text)), '[^[:alnum:]]+') w
    where length(w) between 3 and 40
  on conflict do nothing;
  return null;
end $$;

create trigger prompts_words_update after update of title, text, idea, tag_text on prompts
  for each row when (old.title is distinct from new.title or old.text is distinct from new.text
                     or old.idea is distinct from new.idea or old.tag_text is distinct from new.tag_text)
  execute function prompt_collect_words();
