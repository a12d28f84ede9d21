-- Each counter may be kept in several rows, one per shard, which every reader sums. A consumer
-- transaction writes all its moves to one shard chosen at random, so transactions on several
-- threads or instances that move the same counters mostly update different rows instead of
-- waiting for one another's commit. Existing rows become shard 0.
alter table dashboard_daily add column shard smallint not null default 0;
alter table dashboard_daily drop constraint dashboard_daily_pkey;
alter table dashboard_daily add primary key (metric, day, province, shard);
