-- f_unaccent (V2) and word_pairs (V5) were SQL functions that PostgreSQL cannot inline: one is
-- declared IMMUTABLE around the STABLE unaccent(), the other reads from unnest(). PostgreSQL 17
-- runs such a function as a query of its own, parsed and planned again for every place it is
-- called from in every statement: a listing write calls them from its generated columns and
-- index expressions and paid that about a dozen times, and searches paid it for every typed word
-- and province. A PL/pgSQL function is compiled once per connection and keeps its expression's
-- plan. Same arguments, same results: nothing stored or indexed changes, and no superuser is
-- needed (a C-language wrapper of unaccent, which the planner could inline, would need one).
create or replace function f_unaccent(text) returns text
    language plpgsql immutable parallel safe strict
    as $$
    begin
        return public.unaccent('public.unaccent'::regdictionary, $1);
    end
    $$;

create or replace function word_pairs(words text[]) returns text[]
    language plpgsql immutable parallel safe strict
    as $$
    begin
        return (
            select coalesce(array_agg(distinct case when a = b then a else a || ' ' || b end), '{}')
            from unnest(words) a, unnest(words) b
            where a <= b collate "C" and a <> '' and b <> '');
    end
    $$;
