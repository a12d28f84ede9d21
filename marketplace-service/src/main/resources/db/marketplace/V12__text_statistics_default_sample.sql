-- V4 gave the searchable texts a sample of 250 (PostgreSQL's default is 100) so that the planner
-- would see how common a word was when search matched words with trigrams in the text. Since V5
-- the word arrays and their own statistics (at the default) say that, and the texts are only
-- checked on the rows found, or walked newest first for a word in a fifth of the listings or
-- more, which a sample of 100 shows as well. But ANALYZE samples every column with the largest
-- target a column asks for: 75,000 listings instead of 30,000. At a million listings ANALYZE of
-- the listings took 2.2 s of CPU with it and 0.8 s without, with the same plans for the
-- searches that check the texts. A table of up to 30,000 listings is sampled whole either way.
-- Takes a lock that lets reads and writes go on; the next ANALYZE uses the default sample.
set local lock_timeout = '10s';
alter table listing
    alter column name_norm set statistics -1,
    alter column search_text set statistics -1;
