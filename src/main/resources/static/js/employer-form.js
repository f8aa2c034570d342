// Employer form: cascading region pickers kab/kota -> kecamatan -> desa, each list fetched from
// /ui/regions/options; after a refused save the choices come back from data-selected.
(function () {
  const form = document.getElementById('employer-form');
  if (!form) { return; }
  const kab = document.getElementById('kabKota'), kec = document.getElementById('kecamatan'),
        desa = document.getElementById('regionCode');
  const load = (select, parentParam, parent) => {
    const url = '/ui/regions/options?' + parentParam + '=' + encodeURIComponent(parent);
    return htmx.ajax('GET', url, {target: select, swap: 'innerHTML'});
  };
  const empty = select => { select.innerHTML = '<option value="">—</option>'; };
  kab.addEventListener('change', () => { empty(desa); kab.value ? load(kec, 'kabKota', kab.value) : empty(kec); });
  kec.addEventListener('change', () => { kec.value ? load(desa, 'kecamatan', kec.value) : empty(desa); });
  document.body.addEventListener('htmx:afterSwap', e => {
    const select = e.detail.target;
    if (!select.classList || !select.classList.contains('region-picker')) { return; }
    const wanted = select.dataset.selected;
    if (select === kab && !wanted && select.options.length === 2) {
      select.value = select.options[1].value; // one kab/kota in scope: take it
    } else if (wanted) {
      select.value = wanted;
    }
    delete select.dataset.selected;
    if (select.value && select !== desa) { select.dispatchEvent(new Event('change')); }
  });
})();
