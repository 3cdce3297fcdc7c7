-- Chinese names of customer sites beside the English ones (name and city), for the pages, mails and labels of Chinese
-- readers; null where a site has none (overseas operators' sites): every reader then sees the English one.
-- data/demo-customers.csv carries them for a new database; the update gives them to a database that loaded the demo
-- sites before.
ALTER TABLE customer_site ADD COLUMN name_zh VARCHAR(160), ADD COLUMN city_zh VARCHAR(80);

UPDATE customer_site SET name_zh = names.name_zh, city_zh = names.city_zh
FROM (VALUES
    ('CMCC-SC', 'Chengdu Tianfu core data center', '成都天府核心数据中心', '成都'),
    ('CMCC-SC', 'Ngawa (Aba) Barkam BSC site', '阿坝马尔康 BSC 站点', '马尔康'),
    ('CMCC-SC', 'Mianyang transmission hub', '绵阳传输枢纽', '绵阳'),
    ('CMCC-SC', 'Leshan base-station cluster', '乐山基站群', '乐山'),
    ('CT-GD', 'Guangzhou Tianhe exchange', '广州天河局', '广州'),
    ('CT-GD', 'Shenzhen Futian core room', '深圳福田核心机房', '深圳'),
    ('CT-GD', 'Shantou metro aggregation node', '汕头城域汇聚节点', '汕头'),
    ('CU-BJ', 'Beijing Xidan switching center', '北京西单交换中心', '北京'),
    ('CU-BJ', 'Beijing Yizhuang OLT room', '北京亦庄 OLT 机房', '北京')
) AS names (customer_code, name, name_zh, city_zh)
WHERE customer_site.customer_code = names.customer_code AND customer_site.name = names.name;
