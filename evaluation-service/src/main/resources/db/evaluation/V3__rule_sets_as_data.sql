-- Rule sets as data (DESIGN §5): parts and sections with their maxima, criteria per product
-- group, star bands, the criteria a star level demands, and which council level certifies what.
-- A new decision is new rows, never a code change.
--
-- What is the decisions' own and what is representative:
--   * the three parts and their maxima (A/B/C 35/25/40 under 1048/2019, 40/25/35 under 148/2023),
--     the 100-point scale, the star bands, the 36-month validity: the decisions' own;
--   * section titles and maxima, criterion titles and maxima, and the mandatory criteria per star
--     level: REPRESENTATIVE summaries written for this platform (column "representative" = true),
--     to be replaced by the decisions' per-sub-group sheets when they are entered;
--   * which level certifies which stars: the decisions' allocation as this platform reads it
--     (1048/2019: the district selects, the province certifies 3-4 stars, the centre 5; 148/2023:
--     district 3, province 4, centre 5; from 1 July 2025 the commune takes the district's place).

alter table rule_set add column certified_minimum_stars int not null default 3;

insert into rule_set (code, title, effective_from, certificate_validity_months, note) values
    ('QD1048-2019', 'Quyết định 1048/QĐ-TTg (2019)', '2019-08-21', 36,
     'Parts A/B/C 35/25/40 are the decision''s; sections, criteria and mandatory minima are representative.'),
    ('QD148-2023-2025', 'Quyết định 148/QĐ-TTg (2023), chính quyền địa phương hai cấp từ 01/7/2025', '2025-07-01', 36,
     'Decision 148/2023 under the two-tier local government: no district level, the commune council takes its place. '
     || 'Parts A/B/C 40/25/35 are the decision''s; sections, criteria and mandatory minima are representative.');

update rule_set set note = 'Parts A/B/C 40/25/35 are the decision''s; sections, criteria and mandatory minima are representative.'
where code = 'QD148-2023';

create table rule_set_part (
    rule_set   text not null references rule_set (code),
    code       text not null,
    title      text not null,
    max_points int  not null check (max_points > 0),
    primary key (rule_set, code)
);

create table rule_set_section (
    rule_set       text    not null,
    part           text    not null,
    code           text    not null,
    title          text    not null,
    max_points     int     not null check (max_points > 0),
    representative boolean not null,
    primary key (rule_set, code),
    foreign key (rule_set, part) references rule_set_part (rule_set, code)
);

create table sheet_criterion (
    rule_set       text    not null,
    product_group  int     not null check (product_group between 1 and 6),
    code           text    not null,
    section        text    not null,
    title          text    not null,
    max_points     int     not null check (max_points > 0),
    representative boolean not null,
    primary key (rule_set, product_group, code),
    foreign key (rule_set, section) references rule_set_section (rule_set, code)
);

create table star_band (
    rule_set  text          not null references rule_set (code),
    stars     int           not null check (stars between 1 and 5),
    min_score numeric(5, 2) not null check (min_score between 0 and 100),
    primary key (rule_set, stars)
);

-- To earn a star level, the mean of the members' points on each listed criterion must reach the
-- minimum; the criteria of every lower level apply too.
create table mandatory_criterion (
    rule_set       text    not null references rule_set (code),
    stars          int     not null check (stars between 1 and 5),
    criterion      text    not null,
    min_points     int     not null check (min_points > 0),
    representative boolean not null,
    primary key (rule_set, stars, criterion)
);

-- Council levels of a rule set, lowest first. A level certifies up to certifies_max_stars (none
-- when null); a case whose mean reaches forward_min_score and whose stars are above what the level
-- certifies moves on to next_level, and the lower level's result stands until that level decides.
create table council_level (
    rule_set            text          not null references rule_set (code),
    level               text          not null,
    rank                int           not null,
    certifies_max_stars int check (certifies_max_stars between 1 and 5),
    forward_min_score   numeric(5, 2),
    next_level          text,
    primary key (rule_set, level),
    unique (rule_set, rank)
);

-- Names a producer may still ask for that the rule set calls otherwise (DISTRICT after July 2025).
create table level_alias (
    rule_set text not null references rule_set (code),
    alias    text not null,
    level    text not null,
    primary key (rule_set, alias),
    foreign key (rule_set, level) references council_level (rule_set, level)
);

insert into rule_set_part (rule_set, code, title, max_points)
select r.code, p.code, p.title, case when r.code = 'QD1048-2019' then p.max_1048 else p.max_148 end
from rule_set r
cross join (values
    ('A', 'Sản phẩm và sức mạnh cộng đồng (product and community strength)', 35, 40),
    ('B', 'Khả năng tiếp thị và câu chuyện sản phẩm (marketing capacity and product story)', 25, 25),
    ('C', 'Chất lượng sản phẩm (product quality)', 40, 35)) p(code, title, max_1048, max_148);

insert into rule_set_section (rule_set, part, code, title, max_points, representative)
select r.code, s.part, s.code, s.title, case when r.code = 'QD1048-2019' then s.max_1048 else s.max_148 end, true
from rule_set r
cross join (values
    ('A', 'A1', 'Tổ chức sản xuất (production organisation)', 15, 15),
    ('A', 'A2', 'Phát triển sản phẩm (product development)', 10, 15),
    ('A', 'A3', 'Sức mạnh cộng đồng (community strength)', 10, 10),
    ('B', 'B1', 'Tiếp thị (marketing)', 10, 10),
    ('B', 'B2', 'Câu chuyện sản phẩm (product story)', 10, 10),
    ('B', 'B3', 'Quảng bá, thương hiệu (promotion and brand)', 5, 5),
    ('C', 'C1', 'Chỉ tiêu cảm quan, chất lượng (sensory and quality indicators)', 15, 15),
    ('C', 'C2', 'Tiêu chuẩn và an toàn (standards and safety)', 15, 10),
    ('C', 'C3', 'Tiềm năng thị trường (market potential)', 10, 10)) s(part, code, title, max_1048, max_148);

-- Each section holds one or two criteria; two split its maximum, the first taking the odd point.
-- Titles differ by product group where the group's nature differs (tourism, handicrafts, plants).
insert into sheet_criterion (rule_set, product_group, code, section, title, max_points, representative)
select s.rule_set, c.product_group, c.code, c.section, c.title,
       case when c.parts = 1 then s.max_points
            when c.position = 1 then (s.max_points + 1) / 2
            else s.max_points / 2 end,
       true
from rule_set_section s
join (
    select g.product_group, t.code, t.section, t.position, t.parts,
           coalesce(o.title, t.title) as title
    from generate_series(1, 6) g(product_group)
    cross join (values
        ('A1.1', 'A1', 1, 2, 'Nguồn nguyên liệu (raw materials)'),
        ('A1.2', 'A1', 2, 2, 'Tổ chức sản xuất, liên kết chuỗi giá trị (organisation and value-chain links)'),
        ('A2.1', 'A2', 1, 2, 'Công nghệ, quy trình sản xuất (technology and process)'),
        ('A2.2', 'A2', 2, 2, 'Bao bì, nhãn mác, mẫu mã (packaging, labelling and design)'),
        ('A3.1', 'A3', 1, 2, 'Loại hình tổ chức, sự tham gia của cộng đồng (legal form and community participation)'),
        ('A3.2', 'A3', 2, 2, 'Lao động và thu nhập địa phương (local jobs and income)'),
        ('B1.1', 'B1', 1, 2, 'Kế hoạch kinh doanh (business plan)'),
        ('B1.2', 'B1', 2, 2, 'Kênh phân phối và thị trường (sales channels and markets)'),
        ('B2.1', 'B2', 1, 2, 'Câu chuyện sản phẩm (product story)'),
        ('B2.2', 'B2', 2, 2, 'Truyền thông, quảng bá (communication and promotion)'),
        ('B3.1', 'B3', 1, 1, 'Thương hiệu, sở hữu trí tuệ (brand and intellectual property)'),
        ('C1.1', 'C1', 1, 2, 'Chỉ tiêu cảm quan: màu, mùi, vị (sensory: colour, aroma, taste)'),
        ('C1.2', 'C1', 2, 2, 'Tính độc đáo, đặc trưng vùng miền (uniqueness and local character)'),
        ('C2.1', 'C2', 1, 2, 'Tiêu chuẩn công bố, kiểm nghiệm định kỳ (declared standard and periodic testing)'),
        ('C2.2', 'C2', 2, 2, 'An toàn thực phẩm, truy xuất nguồn gốc (food safety and traceability)'),
        ('C3.1', 'C3', 1, 1, 'Tiềm năng thị trường, quy mô, xuất khẩu (market potential, scale, export)'))
        t(code, section, position, parts, title)
    left join (values
        (2, 'C1.1', 'Chỉ tiêu cảm quan và hóa lý (sensory and physico-chemical indicators)'),
        (3, 'C1.1', 'Hoạt chất, công dụng được chứng minh (active ingredients and proven effect)'),
        (4, 'C1.1', 'Tính thẩm mỹ, độ tinh xảo (aesthetics and craftsmanship)'),
        (4, 'C2.1', 'Chất liệu, độ bền (materials and durability)'),
        (4, 'C2.2', 'An toàn cho người dùng và môi trường (user and environmental safety)'),
        (5, 'A1.1', 'Nguồn giống (plant and animal stock)'),
        (5, 'C1.1', 'Hình thế, sức sống (form and vigour)'),
        (5, 'C2.1', 'Nguồn gốc giống, kiểm dịch (variety origin and quarantine)'),
        (5, 'C2.2', 'An toàn sinh học và môi trường (biosafety and environment)'),
        (6, 'A1.1', 'Tài nguyên du lịch (tourism resources)'),
        (6, 'A1.2', 'Tổ chức hoạt động dịch vụ (service organisation)'),
        (6, 'A2.1', 'Hạ tầng, cơ sở vật chất (infrastructure and facilities)'),
        (6, 'A2.2', 'Thiết kế sản phẩm du lịch, nhận diện (tour design and identity)'),
        (6, 'C1.1', 'Chất lượng dịch vụ: lưu trú, ẩm thực, hướng dẫn (service quality: lodging, food, guiding)'),
        (6, 'C1.2', 'Tính đặc sắc của trải nghiệm (distinctive experience)'),
        (6, 'C2.1', 'Tiêu chuẩn dịch vụ, giấy phép (service standards and licences)'),
        (6, 'C2.2', 'An ninh, an toàn, vệ sinh môi trường (security, safety and cleanliness)'))
        o(product_group, code, title) on o.product_group = g.product_group and o.code = t.code
) c on c.section = s.code;

insert into star_band (rule_set, stars, min_score)
select r.code, b.stars, b.min_score
from rule_set r
cross join (values (1, 0), (2, 30), (3, 50), (4, 70), (5, 90)) b(stars, min_score);

insert into mandatory_criterion (rule_set, stars, criterion, min_points, representative)
select r.code, m.stars, m.criterion, case when r.code = 'QD1048-2019' then m.min_1048 else m.min_148 end, true
from rule_set r
cross join (values
    (3, 'C2.2', 4, 3),
    (4, 'C2.1', 4, 3),
    (4, 'B3.1', 2, 2),
    (5, 'C2.1', 6, 4),
    (5, 'C2.2', 5, 4),
    (5, 'B1.2', 3, 3)) m(stars, criterion, min_1048, min_148);

insert into council_level (rule_set, level, rank, certifies_max_stars, forward_min_score, next_level) values
    ('QD1048-2019', 'DISTRICT', 1, null, 50, 'PROVINCE'),
    ('QD1048-2019', 'PROVINCE', 2, 4, 90, 'CENTRAL'),
    ('QD1048-2019', 'CENTRAL', 3, 5, null, null),
    ('QD148-2023', 'DISTRICT', 1, 3, 70, 'PROVINCE'),
    ('QD148-2023', 'PROVINCE', 2, 4, 90, 'CENTRAL'),
    ('QD148-2023', 'CENTRAL', 3, 5, null, null),
    ('QD148-2023-2025', 'COMMUNE', 1, 3, 70, 'PROVINCE'),
    ('QD148-2023-2025', 'PROVINCE', 2, 4, 90, 'CENTRAL'),
    ('QD148-2023-2025', 'CENTRAL', 3, 5, null, null);

insert into level_alias (rule_set, alias, level) values
    ('QD1048-2019', 'COMMUNE', 'DISTRICT'),
    ('QD148-2023', 'COMMUNE', 'DISTRICT'),
    ('QD148-2023-2025', 'DISTRICT', 'COMMUNE');

-- The nine lines of V2 became the sections above; criteria now live per product group.
drop table criterion;
