-- Councils as data: a level, a region (a province of the 2025 map; null serves every province
-- that has no council of its own) and named members. Offices add their own through the API.
create table council (
    id         uuid        primary key,
    name       text        not null,
    level      text        not null,
    region     text,
    created_at timestamptz not null default now()
);

create unique index council_per_level_and_region on council (level, coalesce(region, '*'), name);

create table council_member (
    council_id uuid not null references council (id),
    position   int  not null,
    name       text not null,
    role       text,
    primary key (council_id, position),
    unique (council_id, name)
);

-- Cases are assigned to a council; a case forwarded to the next level keeps the submission id and
-- names the case it came from and the lower-level certificate that stands until it is decided.
alter table evaluation_case
    add column council_id              uuid references council (id),
    add column forwarded_from          uuid references evaluation_case (id),
    add column standing_certificate_no text,
    add column forwarded_to            uuid,
    add column reasons                 jsonb not null default '[]';

alter table evaluation_case drop constraint evaluation_case_submission_id_key;
create unique index evaluation_case_per_submission on evaluation_case (submission_id) where forwarded_from is null;
create unique index evaluation_case_forwarded_once on evaluation_case (forwarded_from) where forwarded_from is not null;
create index evaluation_case_by_product on evaluation_case (product_id);

alter table evaluation_case drop constraint evaluation_case_status_check;
alter table evaluation_case add constraint evaluation_case_status_check check (status in ('OPEN', 'DECIDED', 'WITHDRAWN'));

insert into council (id, name, level, region) values
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000001', 'Hội đồng đánh giá sản phẩm OCOP cấp xã (chung)', 'COMMUNE', null),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000002', 'Hội đồng đánh giá sản phẩm OCOP cấp huyện (chung, trước 01/7/2025)', 'DISTRICT', null),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 'Hội đồng đánh giá sản phẩm OCOP cấp tỉnh (chung)', 'PROVINCE', null),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 'Hội đồng đánh giá sản phẩm OCOP cấp Trung ương', 'CENTRAL', null),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000005', 'Hội đồng đánh giá sản phẩm OCOP tỉnh Thái Nguyên', 'PROVINCE', 'Thái Nguyên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000006', 'Hội đồng đánh giá sản phẩm OCOP cấp xã tỉnh Lào Cai', 'COMMUNE', 'Lào Cai');

insert into council_member (council_id, position, name, role) values
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000001', 1, 'Nguyễn Văn An', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000001', 2, 'Trần Thị Bình', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000001', 3, 'Lê Hoàng Cường', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000002', 1, 'Phạm Minh Đức', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000002', 2, 'Hoàng Thị Em', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000002', 3, 'Vũ Văn Phúc', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 1, 'Đỗ Thị Giang', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 2, 'Bùi Văn Hải', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 3, 'Ngô Thị Hương', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 4, 'Đặng Văn Khoa', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000003', 5, 'Lý Thị Lan', 'Thư ký'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 1, 'Trương Quốc Minh', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 2, 'Phan Thị Ngọc', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 3, 'Hồ Văn Oanh', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 4, 'Mai Thị Phương', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000004', 5, 'Châu Văn Quang', 'Thư ký'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000005', 1, 'Dương Văn Sơn', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000005', 2, 'Lương Thị Thảo', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000005', 3, 'Nông Văn Tuấn', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000005', 4, 'Ma Thị Uyên', 'Thư ký'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000006', 1, 'Vàng Seo Dũng', 'Chủ tịch hội đồng'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000006', 2, 'Lò Thị Xuân', 'Thành viên'),
    ('0b9a3c62-5d1e-4f7a-8c2b-000000000006', 3, 'Giàng A Vàng', 'Thành viên');

update evaluation_case c set council_id = (
    select id from council where council.level = c.level and council.region is null order by created_at, id limit 1);

-- Certificates: revoked by an office, expired after their validity, or superseded by a newer
-- certificate of the same product (a renewal, or a higher level's stars).
alter table certificate
    add column ended_at          timestamptz,
    add column end_reason        text,
    add column superseded_by     text;

alter table certificate add constraint certificate_status_check
    check (status in ('ACTIVE', 'REVOKED', 'EXPIRED', 'SUPERSEDED'));

create index certificate_active_by_validity on certificate (valid_until) where status = 'ACTIVE';
create unique index certificate_one_active_per_product on certificate (product_id) where status = 'ACTIVE';
