// Loaded by every page (layout.html).
// (a) Rupiah amounts (input[data-rupiah]) shown with thousands separators while typing (1.234.567) and sent as plain
// digits. A value with anything but digits, dots and spaces is left as typed, for the server to name the mistake.
(function () {
  const plain = /^[\d.\s]*$/;
  const digits = v => v.replace(/\D/g, '');
  const grouped = v => digits(v).replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const format = (input, keepCaret) => {
    const before = input.value;
    if (!plain.test(before)) {
      return;
    }
    const after = grouped(before);
    if (after === before) {
      return;
    }
    const caret = input.selectionStart === null ? before.length : input.selectionStart;
    const digitsBeforeCaret = digits(before.slice(0, caret)).length;
    input.value = after;
    if (keepCaret && document.activeElement === input) {
      let at = 0;
      for (let seen = 0; at < after.length && seen < digitsBeforeCaret; at++) {
        if (after[at] !== '.') {
          seen++;
        }
      }
      input.setSelectionRange(at, at);
    }
  };
  const sent = value => (plain.test(value) ? digits(value) : value);
  const formatAll = root => root.querySelectorAll('input[data-rupiah]').forEach(input => format(input, false));

  document.addEventListener('input', e => {
    if (e.target.matches && e.target.matches('input[data-rupiah]')) {
      format(e.target, true);
    }
  });
  if ('FormDataEvent' in window) {
    // Changes only what is sent (also for new FormData(form)); the field keeps showing the separators.
    document.addEventListener('formdata', e => e.target.querySelectorAll('input[data-rupiah][name]')
      .forEach(input => e.formData.set(input.name, sent(input.value))), true);
  } else {
    document.addEventListener('submit', e => e.target.querySelectorAll('input[data-rupiah]')
      .forEach(input => { input.value = sent(input.value); }), true);
  }
  formatAll(document);
  document.addEventListener('htmx:afterSettle', () => formatAll(document));
})();

// (b) Tables that stack their rows on a phone (table.stack, and the form rows table.rows): each cell gets its
// column's heading as data-label, which lindung.css shows above the cell's content.
(function () {
  const label = root => root.querySelectorAll('table.stack, table.rows').forEach(table => {
    const headings = [...table.querySelectorAll('thead tr:first-child th')].flatMap(th =>
      Array(th.colSpan || 1).fill(th.textContent.trim()));
    table.querySelectorAll('tbody tr').forEach(tr => {
      let column = 0;
      [...tr.children].forEach(cell => {
        if (!cell.hasAttribute('data-label') && (cell.colSpan || 1) === 1 && headings[column]) {
          cell.dataset.label = headings[column];
        }
        column += cell.colSpan || 1;
      });
    });
  });
  label(document);
  document.addEventListener('htmx:afterSettle', () => label(document));
})();
