// Claim intake form: show only the details of the chosen kind. Without JavaScript every section stays visible
// (the server reads only the chosen kind's details anyway).
(function () {
  const kind = document.getElementById('kind');
  if (!kind) {
    return;
  }
  const apply = () => document.querySelectorAll('#claim-form [data-kinds]').forEach(el => {
    el.hidden = !el.dataset.kinds.split(' ').includes(kind.value);
  });
  kind.addEventListener('change', apply);
  apply();
})();
