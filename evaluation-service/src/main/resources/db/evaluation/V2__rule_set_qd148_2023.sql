-- Decision 148/QĐ-TTg (2023): part A "product and community strength" 40 points, part B
-- "marketing capacity and product story" 25, part C "quality" 35. The parts and their maxima
-- are the decision's; the criteria below are REPRESENTATIVE summaries, not the decision's text,
-- until the per-sub-group sheets are entered.
insert into rule_set (code, title, effective_from, certificate_validity_months, note) values
    ('QD148-2023', 'Quyết định 148/QĐ-TTg (2023)', '2023-02-24', 36,
     'Parts A/B/C and their maxima are the decision''s; criteria are representative summaries.');

insert into criterion (rule_set, code, part, title, max_points, representative) values
    ('QD148-2023', 'A1', 'A', 'Tổ chức sản xuất (production organisation)', 15, true),
    ('QD148-2023', 'A2', 'A', 'Phát triển sản phẩm (product development)', 15, true),
    ('QD148-2023', 'A3', 'A', 'Sức mạnh cộng đồng (community strength)', 10, true),
    ('QD148-2023', 'B1', 'B', 'Tiếp thị (marketing)', 10, true),
    ('QD148-2023', 'B2', 'B', 'Câu chuyện sản phẩm (product story)', 10, true),
    ('QD148-2023', 'B3', 'B', 'Quảng bá, phân phối (promotion and distribution)', 5, true),
    ('QD148-2023', 'C1', 'C', 'Chỉ tiêu cảm quan, chất lượng (sensory and quality indicators)', 15, true),
    ('QD148-2023', 'C2', 'C', 'An toàn thực phẩm, tiêu chuẩn (safety and standards)', 10, true),
    ('QD148-2023', 'C3', 'C', 'Tiềm năng thị trường (market potential)', 10, true);
