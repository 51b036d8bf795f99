-- The saved styles (AUTOMATIC1111 styles) a person applied, by name in the order applied, so a job or an
-- expansion says afterwards which styles shaped its prompts. Names, not ids: a style renamed or deleted later
-- does not change what was applied then.
alter table generation_jobs add column saved_styles text[] not null default '{}';

-- For an expansion the styles themselves are kept (name, prompt, negative), because they are applied to the
-- engine's results when it finishes, which may be after a retry or on another instance.
alter table expansions add column saved_styles jsonb not null default '[]';
