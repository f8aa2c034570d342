// Enrolment form: show only the fields of the chosen segment (without JavaScript every field stays visible).
(function () {
  const segment = document.getElementById('segment');
  if (!segment) { return; }
  const apply = () => document.querySelectorAll('#enrolment-form [data-segments]').forEach(el => {
    el.hidden = !el.dataset.segments.split(' ').includes(segment.value);
  });
  segment.addEventListener('change', apply);
  apply();
})();
