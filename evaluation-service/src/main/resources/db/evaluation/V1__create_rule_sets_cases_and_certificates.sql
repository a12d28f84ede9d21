-- Rule sets are data: a new decision is a new row set, never a code change.
create table rule_set (
    code                        text primary key,
    title                       text not null,
    effective_from              date not null,
    certificate_validity_months int  not null check (certificate_validity_months > 0),
    note                        text
);

create table criterion (
    rule_set       text not null references rule_set (code),
    code           text not null,
    part           text not null,
    title          text not null,
    max_points     int  not null check (max_points > 0),
    representative boolean not null,
    primary key (rule_set, code)
);

create table evaluation_case (
    id             uuid        primary key,
    product_id     uuid        not null,
    submission_id  uuid        not null unique,
    level          text        not null,
    province       text        not null,
    product_group  int         not null,
    rule_set       text        not null references rule_set (code),
    status         text        not null check (status in ('OPEN', 'DECIDED')),
    product        jsonb       not null,
    opened_at      timestamptz not null default now(),
    decided_at     timestamptz,
    stars          int,
    average_score  numeric(5, 2),
    certificate_no text
);

create index evaluation_case_by_status on evaluation_case (status, opened_at desc, id desc);

create table score_sheet (
    id            uuid        primary key,
    evaluation_id uuid        not null references evaluation_case (id),
    evaluator     text        not null,
    total         int         not null check (total between 0 and 100),
    scores        jsonb       not null,
    submitted_at  timestamptz not null default now(),
    unique (evaluation_id, evaluator)
);

create sequence certificate_number;

create table certificate (
    certificate_no text        primary key,
    evaluation_id  uuid        not null unique references evaluation_case (id),
    product_id     uuid        not null,
    product_name   text        not null,
    producer_name  text        not null,
    stars          int         not null check (stars between 3 and 5),
    score          numeric(5, 2) not null,
    level          text        not null,
    rule_set       text        not null,
    valid_from     date        not null,
    valid_until    date        not null,
    status         text        not null,
    issued_at      timestamptz not null default now()
);

create index certificate_by_product on certificate (product_id);
