-- Issue 18 point 6: the rules cite the regulation as their legal basis and their source; a news or other
-- secondary source stays only for a figure marked unconfirmed, as "belum dikonfirmasi, lihat ...". Notes in
-- Indonesian; the English page reads them from contribution_en.properties (rule.note.<table>.<id>, id.lindung.shared.
-- ShippedText). The rows are V8's and V34's, in the order V8 inserted them (ids 1.. per table).

UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Pasal 16 dan Lampiran I (tingkat risiko sangat rendah), sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran I'
 WHERE segment = 'PU' AND programme = 'JKK' AND risk_class = 1;
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Pasal 16 dan Lampiran I (tingkat risiko rendah), sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran I'
 WHERE segment = 'PU' AND programme = 'JKK' AND risk_class = 2;
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Pasal 16 dan Lampiran I (tingkat risiko sedang), sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran I'
 WHERE segment = 'PU' AND programme = 'JKK' AND risk_class = 3;
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Pasal 16 dan Lampiran I (tingkat risiko tinggi), sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran I'
 WHERE segment = 'PU' AND programme = 'JKK' AND risk_class = 4;
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Pasal 16 dan Lampiran I (tingkat risiko sangat tinggi), sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran I'
 WHERE segment = 'PU' AND programme = 'JKK' AND risk_class = 5;
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015'
 WHERE segment = 'PU' AND programme = 'JKM';
UPDATE contribution_rate SET legal_basis = 'PP 46/2015 sebagaimana diubah PP 60/2015',
     source = 'PP 46/2015'
 WHERE segment = 'PU' AND programme = 'JHT';
UPDATE contribution_rate SET legal_basis = 'PP 45/2015',
     source = 'PP 45/2015'
 WHERE segment = 'PU' AND programme = 'JP';
UPDATE contribution_rate SET legal_basis = 'PP 37/2021 sebagaimana diubah PP 6/2025',
     source = 'PP 6/2025'
 WHERE segment = 'PU' AND programme = 'JKP';
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Lampiran II sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'belum dikonfirmasi, lihat star.grid.id 453654763; CNBC Indonesia 2026-02-04'
 WHERE segment = 'BPU' AND programme = 'JKK';
UPDATE contribution_rate SET legal_basis = 'PP 44/2015 Lampiran II sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'PP 44/2015 Lampiran II'
 WHERE segment = 'BPU' AND programme = 'JKM';
UPDATE contribution_rate SET legal_basis = 'PP 46/2015 sebagaimana diubah PP 60/2015; Permenaker 1/2016 Pasal 3',
     source = 'Permenaker 1/2016 Pasal 3'
 WHERE segment = 'BPU' AND programme = 'JHT';
UPDATE contribution_rate SET legal_basis = 'Permenaker 4/2023',
     source = 'Permenaker 4/2023'
 WHERE segment = 'PMI' AND programme = 'JHT';
UPDATE contribution_base_cap SET legal_basis = 'PP 45/2015 Pasal 29 (batas upah tertinggi, disesuaikan setiap tahun)',
     source = 'PP 45/2015 Pasal 29'
 WHERE segment = 'PU' AND programme = 'JP' AND valid_from = '2023-03-01';
UPDATE contribution_base_cap SET legal_basis = 'PP 45/2015 Pasal 29 (pertumbuhan PDB 2023 5,05%)',
     source = 'PP 45/2015 Pasal 29'
 WHERE segment = 'PU' AND programme = 'JP' AND valid_from = '2024-03-01';
UPDATE contribution_base_cap SET legal_basis = 'PP 45/2015 Pasal 29',
     source = 'belum dikonfirmasi, lihat perhitungan 10.042.300 × 1,0503, dibulatkan ke Rp100'
 WHERE segment = 'PU' AND programme = 'JP' AND valid_from = '2025-03-01' AND unconfirmed;
UPDATE contribution_base_cap SET legal_basis = 'PP 44/2015 Lampiran II sebagaimana diubah terakhir dengan PP 49/2023',
     source = 'belum dikonfirmasi, lihat radarmukomuko.disway.id 666514 (iuran JKK BPU paling banyak Rp207.000 per bulan)'
 WHERE segment = 'BPU' AND programme = 'JKK' AND unconfirmed;
UPDATE contribution_tier SET source = 'Permenakertrans 44/2015 Lampiran'
 WHERE programme = 'JKK' AND NOT unconfirmed;
UPDATE contribution_tier SET source = 'belum dikonfirmasi, lihat star.grid.id 453624938'
 WHERE programme = 'JKM' AND unconfirmed;
UPDATE contribution_package SET source = 'Permenaker 4/2023 Pasal 18'
 WHERE segment = 'PMI' AND NOT unconfirmed;
UPDATE contribution_discount SET source = 'PP 50/2025'
 WHERE segment = 'BPU' AND NOT unconfirmed;
UPDATE contribution_fine_rate SET source = 'PP 44/2015'
 WHERE segment = 'PU' AND NOT unconfirmed;

-- the notes (only those still as V8 shipped them: an administrator's correction is kept)
UPDATE contribution_rate
   SET note = 'PP 49/2023 mencatat 0,14% dari iuran JKK sebagai pendanaan JKP; pemberi kerja tetap membayar tarif penuh'
 WHERE id = 1
   AND note = 'PP 49/2023 re-labels 0.14% of JKK as JKP funding; the employer still pays the full rate';
UPDATE contribution_rate
   SET note = 'Belum dikonfirmasi apakah JKM tetap 0,30% setelah PP 6/2025 mengakhiri porsi JKM untuk JKP; jumlah yang dibayar tidak berubah'
 WHERE id = 6
   AND note = 'Whether JKM keeps 0.30% after PP 6/2025 ended its JKP share is unconfirmed; the amount paid is unchanged';
UPDATE contribution_rate
   SET note = 'Tanpa iuran tambahan: 0,36% = 0,22% dari Pemerintah Pusat + 0,14% rekomposisi dari iuran JKK (sejak PP 6/2025)'
 WHERE id = 9
   AND note = 'No extra contribution: 0.36% = 0.22% central government + 0.14% recomposed from JKK (since PP 6/2025)';
UPDATE contribution_rate
   SET note = 'Lampiran II menetapkan jenjang penghasilan nominal yang belum diperoleh; diterapkan 1% dari penghasilan yang dilaporkan'
 WHERE id = 10
   AND note = 'Lampiran II sets nominal income brackets that were not retrieved; 1% of declared income is applied';
UPDATE contribution_rate
   SET note = 'Peserta memilih Rp50.000 sampai Rp600.000 per bulan'
 WHERE id = 13
   AND note = 'The member chooses Rp50.000 to Rp600.000 a month';
UPDATE contribution_base_cap
   SET note = 'Belum diterbitkan di sumber yang diperiksa; berlaku terus sampai angka Maret 2026 dimasukkan'
 WHERE id = 3
   AND note = 'Not published where we looked; carried on until the March 2026 figure is entered';
UPDATE contribution_base_cap
   SET note = 'Disimpulkan dari iuran JKK BPU tertinggi Rp207.000 per bulan'
 WHERE id = 4
   AND note = 'Implied by the maximum BPU JKK contribution of Rp207.000';
UPDATE contribution_tier
   SET note = 'Belum dikonfirmasi apakah jenjang JKM bersifat marginal seperti JKK; diterapkan secara marginal'
 WHERE id = 6
   AND note = 'Whether JKM tiers are marginal like JKK is unconfirmed; applied marginally';
UPDATE contribution_package
   SET note = 'JKK dan JKM sebelum penempatan'
 WHERE id = 1
   AND note = 'JKK and JKM before placement';
UPDATE contribution_package
   SET note = 'Kontrak sampai 6 bulan (kontrak di antara dua jangka mengikuti jangka berikutnya: belum dikonfirmasi)'
 WHERE id = 2
   AND note = 'Contracts of up to 6 months (contracts between two lengths take the next one up: unconfirmed)';
UPDATE contribution_package
   SET note = 'Setiap bulan di atas 24 bulan'
 WHERE id = 5
   AND note = 'Each month beyond 24';
UPDATE contribution_discount
   SET note = 'Ojol, ojek pangkalan, sopir, kurir; JHT tidak didiskon; tidak berlaku bagi peserta yang iurannya dibayar APBN/APBD'
 WHERE id = 1
   AND note = 'Ojol, ojek pangkalan, drivers, couriers; JHT not discounted; not for APBN/APBD-paid members';
UPDATE contribution_discount
   SET note = 'BPU lainnya; JHT tidak didiskon; tidak berlaku bagi peserta yang iurannya dibayar APBN/APBD'
 WHERE id = 2
   AND note = 'Other BPU; JHT not discounted; not for APBN/APBD-paid members';
UPDATE contribution_fine_rate
   SET note = 'Per bulan keterlambatan yang dimulai setelah tanggal 15 bulan berikutnya; ditanggung pemberi kerja, ditagih bersama iuran bulan berikutnya'
 WHERE id = 1
   AND note = 'Per started month of delay after the 15th of the following month; borne by the employer, billed with the next month';
