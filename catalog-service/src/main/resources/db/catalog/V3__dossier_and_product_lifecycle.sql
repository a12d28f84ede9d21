-- The evidence dossier (DESIGN §5): typed documents stored with their bytes, and which types each
-- rule set requires of each product group. The required lists are this platform's reading of the
-- decisions (representative), kept as data so that a new decision is new rows.
create table document_type (
    code     text primary key,
    position int  not null unique,
    name_vi  text not null,
    name_en  text not null
);

insert into document_type (code, position, name_vi, name_en) values
    ('REGISTRATION_FORM', 1, 'Phiếu đăng ký sản phẩm OCOP', 'OCOP registration form'),
    ('BUSINESS_PLAN', 2, 'Phương án, kế hoạch kinh doanh', 'Business plan'),
    ('ORGANISATION_DESCRIPTION', 3, 'Bản mô tả tổ chức sản xuất', 'Description of the organisation'),
    ('BUSINESS_REGISTRATION', 4, 'Giấy chứng nhận đăng ký kinh doanh', 'Business registration certificate'),
    ('FOOD_SAFETY_CERTIFICATE', 5, 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, sản xuất', 'Food-safety or production-facility certificate'),
    ('QUALITY_STANDARD', 6, 'Công bố tiêu chuẩn chất lượng và phiếu kiểm nghiệm', 'Quality standard declaration and test results'),
    ('RAW_MATERIAL_ORIGIN', 7, 'Chứng minh nguồn gốc nguyên liệu', 'Origin of raw materials'),
    ('ENVIRONMENTAL_PLAN', 8, 'Kế hoạch bảo vệ môi trường', 'Environmental protection plan'),
    ('LABEL_AND_PACKAGING', 9, 'Nhãn và bao bì sản phẩm', 'Label and packaging'),
    ('PRODUCT_STORY', 10, 'Câu chuyện sản phẩm', 'Product story'),
    ('DISTRIBUTION_CONTRACTS', 11, 'Hợp đồng phân phối, tiêu thụ', 'Distribution contracts'),
    ('TRADEMARK', 12, 'Nhãn hiệu, chỉ dẫn địa lý', 'Trademark or geographical indication');

create table dossier_rule_set (
    code           text primary key,
    title          text not null,
    effective_from date not null unique,
    note           text
);

insert into dossier_rule_set (code, title, effective_from, note) values
    ('QD1048-2019', 'Quyết định 1048/QĐ-TTg (2019)', '2019-08-21', 'Required documents are representative.'),
    ('QD148-2023', 'Quyết định 148/QĐ-TTg (2023)', '2023-02-24', 'Required documents are representative.'),
    ('QD148-2023-2025', 'Quyết định 148/QĐ-TTg (2023), chính quyền địa phương hai cấp từ 01/7/2025', '2025-07-01',
     'Required documents are representative; no district level after 1 July 2025.');

create table dossier_requirement (
    rule_set      text not null references dossier_rule_set (code),
    product_group int  not null references product_group (code),
    document_type text not null references document_type (code),
    primary key (rule_set, product_group, document_type)
);

-- Every group: the form, the plan, the organisation, the registration, the standard.
insert into dossier_requirement (rule_set, product_group, document_type)
select r.code, g.code, d.code
from dossier_rule_set r cross join product_group g
cross join (values ('REGISTRATION_FORM'), ('BUSINESS_PLAN'), ('ORGANISATION_DESCRIPTION'), ('BUSINESS_REGISTRATION'),
                   ('QUALITY_STANDARD')) d(code);

-- Decision 148 made the product story part of the dossier of every group.
insert into dossier_requirement (rule_set, product_group, document_type)
select r.code, g.code, 'PRODUCT_STORY'
from dossier_rule_set r cross join product_group g
where r.code <> 'QD1048-2019';

-- Goods (groups 1-5) show where their raw materials come from and how they are labelled.
insert into dossier_requirement (rule_set, product_group, document_type)
select r.code, g.code, d.code
from dossier_rule_set r cross join product_group g cross join (values ('RAW_MATERIAL_ORIGIN'), ('LABEL_AND_PACKAGING')) d(code)
where g.code between 1 and 5;

-- What is eaten, drunk or taken as medicine (groups 1-3) needs the food-safety certificate.
insert into dossier_requirement (rule_set, product_group, document_type)
select r.code, g.code, 'FOOD_SAFETY_CERTIFICATE'
from dossier_rule_set r cross join product_group g
where g.code between 1 and 3;

-- Tourism (group 6) shows how it protects the place it lives from.
insert into dossier_requirement (rule_set, product_group, document_type)
select r.code, 6, 'ENVIRONMENTAL_PLAN' from dossier_rule_set r;

-- The council levels a producer may ask for under each rule set; the default is the entry level.
create table submission_level (
    rule_set   text    not null references dossier_rule_set (code),
    level      text    not null,
    is_default boolean not null,
    primary key (rule_set, level)
);

create unique index submission_level_one_default on submission_level (rule_set) where is_default;

insert into submission_level (rule_set, level, is_default) values
    ('QD1048-2019', 'DISTRICT', true),
    ('QD1048-2019', 'PROVINCE', false),
    ('QD148-2023', 'DISTRICT', true),
    ('QD148-2023', 'PROVINCE', false),
    ('QD148-2023-2025', 'COMMUNE', true),
    ('QD148-2023-2025', 'PROVINCE', false);

-- Every accepted file is kept: a new upload of a type supersedes the current one in the same
-- transaction that stores it, and nothing is ever deleted.
create table dossier_document (
    id            uuid        primary key,
    product_id    uuid        not null references product (id),
    document_type text        not null references document_type (code),
    file_name     text        not null,
    content_type  text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea       not null,
    uploaded_at   timestamptz not null default now(),
    superseded_at timestamptz
);

create unique index dossier_document_current on dossier_document (product_id, document_type) where superseded_at is null;

-- What the producer sees of the evaluation, and a withdrawal.
alter table product
    add column certificate_valid_until date,
    add column certified_level         text,
    add column withdrawal_reason       text;

alter table product add constraint product_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'CERTIFIED', 'REJECTED', 'REVOKED', 'EXPIRED', 'WITHDRAWN'));

alter table product add constraint product_subgroup_known foreign key (subgroup) references product_subgroup (code) not valid;
