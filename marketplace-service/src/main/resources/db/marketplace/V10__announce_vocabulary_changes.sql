-- The vocabulary announces its changes: when a statement's listings bring words it did not have,
-- NOTIFY search_vocabulary (delivered at commit, and at most once per transaction). Search keeps
-- what it read from the vocabulary (the words containing a typed word, the words closest to a
-- typo) until the next announcement (VocabularyChanges), instead of reading it again for every
-- search. The vocabulary only grows, and only through this trigger.
create or replace function listing_search_words() returns trigger
    language plpgsql
    as $$
    declare
        added bigint;
    begin
        insert into search_word (word)
        select distinct word
        from changed, regexp_split_to_table(changed.search_text, '[[:space:][:punct:]]+') word
        where changed.status = 'ACTIVE' and word <> ''
        order by word
        on conflict do nothing;
        get diagnostics added = row_count;
        if added > 0 then
            perform pg_notify('search_vocabulary', '');
        end if;
        return null;
    end
    $$;
