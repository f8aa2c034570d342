-- Published for the coverage dashboard: KUR loans and those whose borrower is protected now, per the bank's region
-- code cut to kecamatan level (a bank may name only the kab/kota: then the key is the kab/kota code).
CREATE VIEW kur_borrower_coverage_v AS
SELECT left(region_code, 8) AS region_key, count(*) AS borrowers,
       count(*) FILTER (WHERE match_status = 'PROTECTED') AS protected_now
  FROM kur_loan
 GROUP BY left(region_code, 8);
