-- Issue 18 point 6: the note of the sponsored-workers indicator named the enrolment channel by its code
-- (GOV_SPONSOR); it names it in words, in the default weights and in every cycle that still carries the old note.
UPDATE paritrana_default_weight
   SET note = 'Bobot bawaan Lindung (belum terkonfirmasi). Pekerja rentan yang iurannya dibayar pemerintah daerah (kanal pemerintah daerah/APBD)'
 WHERE note = 'Bobot bawaan Lindung (belum terkonfirmasi). Pekerja rentan yang iurannya dibayar pemerintah daerah (kanal GOV_SPONSOR)';
UPDATE paritrana_indicator
   SET note = 'Bobot bawaan Lindung (belum terkonfirmasi). Pekerja rentan yang iurannya dibayar pemerintah daerah (kanal pemerintah daerah/APBD)'
 WHERE note = 'Bobot bawaan Lindung (belum terkonfirmasi). Pekerja rentan yang iurannya dibayar pemerintah daerah (kanal GOV_SPONSOR)';
