-- Each engine records only what it was sent: OpenAI Images take no seed, so its jobs and images have none,
-- and the diffusion servers take a scheduler besides steps, CFG scale and sampler.
alter table generation_jobs alter column seed drop not null;
alter table generation_jobs add column scheduler text;
alter table images alter column seed drop not null;
