-- The vocabulary has two trigram indexes: GiST for the words nearest a typo (an ORDER BY distance
-- only GiST can serve) and GIN for the words that contain a query word (LIKE '%piece%'). Both
-- can serve LIKE, and with the pattern known only at run time the planner chose GiST, about
-- 0.35 ms per query word against a few hundredths with GIN. The GiST index now holds the word
-- as an expression (lower(word), the same text: words are stored lower case), which only the
-- nearest-word lookup names, so LIKE on the word itself can only use GIN.
drop index search_word_trgm;
create index search_word_near on search_word using gist (lower(word) gist_trgm_ops);
