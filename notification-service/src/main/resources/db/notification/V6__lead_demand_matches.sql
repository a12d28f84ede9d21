-- A purchase request matches several producers (one DemandMatched each): a lead is unique per
-- source and producer, not per source alone.
alter table lead drop constraint lead_kind_source_id_key;
alter table lead add constraint lead_source_producer unique (kind, source_id, producer_id);

alter table lead add column status_changed_at timestamptz;
