-- Issue 18 point 6: a scheme rule's source is the regulation; a news site stays only as "belum dikonfirmasi,
-- lihat ..." where the article is not known (the PMI placement scheme).
UPDATE kur_scheme_rule SET source = 'Permenko Perekonomian 1/2023'
 WHERE valid_from = '2023-01-01' AND scheme IN ('SUPER_MIKRO', 'MIKRO', 'KECIL', 'KHUSUS');
UPDATE kur_scheme_rule SET source = 'belum dikonfirmasi, lihat disway.id 726370'
 WHERE valid_from = '2023-01-01' AND scheme = 'PMI';
