-- The SQL sent to PostgreSQL for each question (DialectGoldenTest)

-- rows of the report's year
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');

-- per value of a category
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT t."Sector" AS k1, COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY t."Sector";

-- per group of a category
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT CASE t."Sector" WHEN 'Bank' THEN 'Finance' WHEN 'Insurer' THEN 'Finance' WHEN 'School' THEN 'Public' END AS k1, COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY CASE t."Sector" WHEN 'Bank' THEN 'Finance' WHEN 'Insurer' THEN 'Finance' WHEN 'School' THEN 'Public' END;

-- per value of a multi-category column
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT u1.v AS k1, COUNT(*) FROM "soc"."events" AS t CROSS JOIN LATERAL unnest(ARRAY(SELECT DISTINCT btrim(p.v) FROM unnest(string_to_array(t."tactics", ';')) AS p(v))) AS u1(v) WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY u1.v;

-- per group of a multi-category column
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT u1.v AS k1, COUNT(*) FROM "soc"."events" AS t CROSS JOIN LATERAL unnest(ARRAY(SELECT DISTINCT CASE btrim(p.v) WHEN 'DDoS' THEN 'Noise' WHEN 'Scan' THEN 'Noise' END FROM unnest(string_to_array(t."tactics", ';')) AS p(v))) AS u1(v) WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY u1.v;

-- per month of a partial date
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT CASE WHEN length(t."day") >= 7 THEN CAST(substr(t."day", 1, 4) AS INTEGER) * 12 + CAST(substr(t."day", 6, 2) AS INTEGER) - 1 END AS k1, COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY CASE WHEN length(t."day") >= 7 THEN CAST(substr(t."day", 1, 4) AS INTEGER) * 12 + CAST(substr(t."day", 6, 2) AS INTEGER) - 1 END;

-- per year, over every year
SELECT COUNT(*) FROM "soc"."events" AS t WHERE 1 = 1;
SELECT CASE WHEN length(t."day") >= 4 THEN CAST(substr(t."day", 1, 4) AS INTEGER) END AS k1, COUNT(*) FROM "soc"."events" AS t WHERE 1 = 1 GROUP BY CASE WHEN length(t."day") >= 4 THEN CAST(substr(t."day", 1, 4) AS INTEGER) END;

-- in bins of a number
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT CASE WHEN t."records" IS NULL OR t."records" < 0 OR t."records" > 1000 THEN NULL WHEN t."records" < 101 THEN 0 ELSE 1 END AS k1, COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY CASE WHEN t."records" IS NULL OR t."records" < 0 OR t."records" > 1000 THEN NULL WHEN t."records" < 101 THEN 0 ELSE 1 END;

-- a cross table
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT t."Sector" AS k1, u2.v AS k2, COUNT(*) FROM "soc"."events" AS t CROSS JOIN LATERAL unnest(ARRAY(SELECT DISTINCT btrim(p.v) FROM unnest(string_to_array(t."tactics", ';')) AS p(v))) AS u2(v) WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY t."Sector", u2.v;

-- filtered to a group, and not to values of a multi-category column
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND ((t."Sector" IN ('Bank', 'Insurer')) AND (NOT COALESCE((EXISTS (SELECT 1 FROM unnest(string_to_array(t."tactics", ';')) AS p(v) WHERE btrim(p.v) IN ('Phishing', 'Malware'))), FALSE)));

-- filtered to a range of months
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (CASE length(t."day") WHEN 4 THEN t."day" || '-01-01' WHEN 7 THEN t."day" || '-01' ELSE t."day" END >= '2016-03-01' AND CASE length(t."day") WHEN 4 THEN t."day" || '-12-31' WHEN 7 THEN t."day" || '-31' ELSE t."day" END <= '2017-06-31');

-- filtered by numbers and a boolean
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND ((t."records" >= 11 AND t."records" <= 500) AND (t."cost" IN (12.5)) AND (t."paid" IN (TRUE)));

-- an exclusion
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND (NOT COALESCE((t."Sector" IN ('Unknown')), FALSE));
SELECT t."Sector" AS k1, COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND (NOT COALESCE((t."Sector" IN ('Unknown')), FALSE)) GROUP BY t."Sector";

-- a sum per group
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT CASE t."Sector" WHEN 'Bank' THEN 'Finance' WHEN 'Insurer' THEN 'Finance' WHEN 'School' THEN 'Public' END AS k1, COUNT(*), COUNT(t."cost"), SUM(t."cost"), MIN(t."cost"), MAX(t."cost") FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY CASE t."Sector" WHEN 'Bank' THEN 'Finance' WHEN 'Insurer' THEN 'Finance' WHEN 'School' THEN 'Public' END;

-- a mean per year
SELECT COUNT(*) FROM "soc"."events" AS t WHERE 1 = 1;
SELECT CASE WHEN length(t."day") >= 4 THEN CAST(substr(t."day", 1, 4) AS INTEGER) END AS k1, COUNT(*), COUNT(t."records"), SUM(t."records"), MIN(t."records"), MAX(t."records") FROM "soc"."events" AS t WHERE 1 = 1 GROUP BY CASE WHEN length(t."day") >= 4 THEN CAST(substr(t."day", 1, 4) AS INTEGER) END;

-- a median per value
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT t."Sector" AS k1, COUNT(*), COUNT(t."records"), SUM(t."records"), MIN(t."records"), MAX(t."records") FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') GROUP BY t."Sector";
SELECT k1, n, i, x FROM (SELECT k1, x, ROW_NUMBER() OVER (PARTITION BY k1 ORDER BY x) - 1 AS i, COUNT(*) OVER (PARTITION BY k1) AS n FROM (SELECT t."Sector" AS k1, t."records" AS x FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND t."records" IS NOT NULL) AS q) AS r WHERE (i - 1) * 100 <= (n - 1) * 50 AND (n - 1) * 50 < (i + 1) * 100;

-- the 90th percentile
SELECT COUNT(*) FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT COUNT(*), COUNT(t."cost"), SUM(t."cost"), MIN(t."cost"), MAX(t."cost") FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017');
SELECT n, i, x FROM (SELECT x, ROW_NUMBER() OVER (ORDER BY x) - 1 AS i, COUNT(*) OVER () AS n FROM (SELECT t."cost" AS x FROM "soc"."events" AS t WHERE (length(t."day") >= 4 AND substr(t."day", 1, 4) >= '2017' AND substr(t."day", 1, 4) <= '2017') AND t."cost" IS NOT NULL) AS q) AS r WHERE (i - 1) * 100 <= (n - 1) * 90 AND (n - 1) * 90 < (i + 1) * 100;
