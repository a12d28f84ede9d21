-- Reference data: the six product groups of Decision 148/QĐ-TTg (2023) and their sub-groups.
-- The groups are the decision's; the sub-group list and names are this platform's summary
-- (representative) until the decision's appendix is entered in full.
create table product_group (
    code    int  primary key check (code between 1 and 6),
    name_vi text not null,
    name_en text not null
);

create table product_subgroup (
    code           text primary key,
    product_group  int  not null references product_group (code),
    name_vi        text not null,
    name_en        text not null,
    representative boolean not null default true
);

insert into product_group (code, name_vi, name_en) values
    (1, 'Thực phẩm', 'Food'),
    (2, 'Đồ uống', 'Drinks'),
    (3, 'Thảo dược', 'Herbs'),
    (4, 'Thủ công mỹ nghệ', 'Handicrafts'),
    (5, 'Sinh vật cảnh', 'Ornamental plants and animals'),
    (6, 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', 'Community and eco tourism, tourist sites');

insert into product_subgroup (code, product_group, name_vi, name_en) values
    ('1.1', 1, 'Gạo, ngũ cốc và sản phẩm từ tinh bột', 'Rice, cereals and starch products'),
    ('1.2', 1, 'Rau, củ, quả tươi và chế biến', 'Vegetables and fruit, fresh or processed'),
    ('1.3', 1, 'Thịt, thủy sản và sản phẩm chế biến', 'Meat, seafood and their products'),
    ('1.4', 1, 'Mật ong, hạt và nông sản chế biến khác', 'Honey, nuts and other processed produce'),
    ('1.5', 1, 'Bánh, mứt, kẹo', 'Cakes, preserves and sweets'),
    ('1.6', 1, 'Gia vị', 'Condiments and spices'),
    ('2.1', 2, 'Đồ uống có cồn', 'Alcoholic drinks'),
    ('2.2', 2, 'Chè và sản phẩm từ chè', 'Tea and tea products'),
    ('2.3', 2, 'Cà phê, ca cao', 'Coffee and cocoa'),
    ('2.4', 2, 'Đồ uống không cồn khác', 'Other non-alcoholic drinks'),
    ('3.1', 3, 'Thực phẩm chức năng, dược liệu, thuốc từ dược liệu', 'Functional foods, herbal medicines'),
    ('3.2', 3, 'Mỹ phẩm, tinh dầu từ thảo dược', 'Herbal cosmetics and essential oils'),
    ('3.3', 3, 'Trà thảo dược', 'Herbal teas'),
    ('3.4', 3, 'Sản phẩm khác từ thảo dược', 'Other herbal products'),
    ('4.1', 4, 'Gốm, sứ, thủy tinh', 'Ceramics, porcelain and glass'),
    ('4.2', 4, 'Dệt may, thêu, thổ cẩm', 'Textiles, embroidery and brocade'),
    ('4.3', 4, 'Mây tre, cói, lá', 'Bamboo, rattan, sedge and leaf crafts'),
    ('4.4', 4, 'Gỗ, kim loại, đá và thủ công khác', 'Wood, metal, stone and other crafts'),
    ('5.1', 5, 'Hoa, cây cảnh', 'Flowers and ornamental plants'),
    ('5.2', 5, 'Động vật cảnh', 'Ornamental animals'),
    ('6.1', 6, 'Du lịch cộng đồng', 'Community tourism'),
    ('6.2', 6, 'Du lịch sinh thái', 'Eco-tourism'),
    ('6.3', 6, 'Điểm du lịch', 'Tourist sites');
