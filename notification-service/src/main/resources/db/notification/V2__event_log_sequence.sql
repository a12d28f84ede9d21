-- The order in which events were applied: the live dashboard stream's message id, from which a
-- client resumes with Last-Event-ID. The consumer renumbers each row just before its commit, under
-- a lock held until the commit, so numbers are in commit order and a reader that has seen number n
-- will never later find a smaller one. Existing rows get numbers in no particular order.
alter table event_log add column seq bigserial;
create unique index event_log_by_seq on event_log (seq);

-- The dashboard counters an event moved ({"metric": n}), kept so a resumed stream replays the
-- same messages a live client saw.
alter table event_log add column delta jsonb not null default '{}'::jsonb;
