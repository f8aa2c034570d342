// Participant form: a new kab/kota invalidates the chosen desa.
(function () {
  const kab = document.getElementById('kabKota');
  if (!kab) { return; }
  kab.addEventListener('change', () => {
    document.getElementById('desa').innerHTML = '<option value="">—</option>';
  });
})();
