-- Ratings: a person's own judgement of their things, 1 to 5 stars or rejected (-1); null is unrated. They are
-- personal: only their owner ever sees them, so a rating changes the owner's revision (their kept pages show it on
-- the next view) and nothing that other people see.

alter table prompts add column rating smallint check (rating between 1 and 5 or rating = -1);
alter table images add column rating smallint check (rating between 1 and 5 or rating = -1);

-- Expansion cards live in expansions.results (jsonb), numbered by their index there; their ratings are rows of
-- their own rather than edits of that document, so a rating never rewrites an expansion's results. The owner is
-- kept on the row so the owner's revision trigger applies as it is.
create table expansion_card_ratings (
  expansion_id text not null references expansions(id) on delete cascade,
  card         int not null check (card >= 0),
  owner_id     bigint not null references users(id) on delete cascade,
  rating       smallint not null check (rating between 1 and 5 or rating = -1),
  primary key (expansion_id, card)
);
create constraint trigger expansion_card_ratings_revision after insert or update or delete on expansion_card_ratings
  deferrable initially deferred for each row execute function owner_revision();

-- An image's rating shows on its owner's job cards and image list, which are not kept pages, and on the prompt
-- page, which is kept under its owner's revision.
create constraint trigger images_rating_revision after update of rating on images
  deferrable initially deferred for each row when (old.rating is distinct from new.rating)
  execute function owner_revision();

-- "Best first" in one person's library: stars high to low, then unrated (0), then rejected (-1), newest first
-- within each. The filters ("4 stars and up", "rated", "hide rejected") are ranges of the same expression, so this
-- index serves them too: at 100,000 prompts in one library, a few rated ones are found without walking the rest.
create index prompts_owner_rating on prompts (owner_id, (coalesce(rating, 0)) desc, created_at desc) where deleted_at is null;
-- ANALYZE keeps no statistics on a partial index's expressions, and without them the planner takes "4 stars and
-- up" for a third of the prompts and walks the newest instead of reading the few rated ones from the index.
create statistics prompts_rating_rank on (coalesce(rating, 0)) from prompts;

-- V21 moved the shared revision on every update of a shared prompt. A rating is not something others see, so an
-- update that changes only the rating leaves it (and Explore's and everyone's bookmarks' kept pages) alone. The
-- prompt's row is compared with the rating blanked on both sides, so a column added later counts as shared.
create function prompt_without_rating(p prompts) returns prompts language plpgsql immutable as $$
begin
  p.rating := null;
  return p;
end $$;

drop trigger prompts_shared_update on prompts;
create constraint trigger prompts_shared_update after update on prompts
  deferrable initially deferred for each row
  when ((old.visibility <> 'private' or new.visibility <> 'private')
        and prompt_without_rating(old) is distinct from prompt_without_rating(new))
  execute function touch_shared_revision();
