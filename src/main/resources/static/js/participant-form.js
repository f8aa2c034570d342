// Participant form: a new kab/kota invalidates the chosen desa.
(function () {
  const kab = document.getElementById('kabKota');
  if (!kab) { return; }
  kab.addEventListener('change', () => {
    document.getElementById('desa').innerHTML = '<option value="">—</option>';
  });
})();

// The birth date and sex a NIK holds (digits 7-12, DDMMYY, 40 added to the day for women), as NikRules reads them:
// filled into empty fields as the NIK is typed, and a warning, never an overwrite, when what was entered differs.
// Without JavaScript the fields may be left empty and the server fills them from the NIK.
(function () {
  const form = document.getElementById('participant-form');
  const nik = document.getElementById('nik');
  const birth = document.getElementById('birthDate');
  const sex = document.getElementById('sex');
  const note = document.getElementById('nik-derived');
  if (!form || !nik || !birth || !sex || !note) { return; }
  const pad = n => String(n).padStart(2, '0');
  const iso = (y, m, d) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
      ? y + '-' + pad(m) + '-' + pad(d) : null;
  };
  const decode = value => {
    if (!/^\d{16}$/.test(value)) { return null; }
    const dayField = Number(value.substring(6, 8));
    const female = dayField > 40;
    const day = female ? dayField - 40 : dayField;
    const month = Number(value.substring(8, 10));
    const yy = Number(value.substring(10, 12));
    const in2000s = iso(2000 + yy, month, day);
    const in1900s = iso(1900 + yy, month, day);
    const today = new Date().toISOString().substring(0, 10);
    const latest = in2000s && in2000s <= today ? in2000s : in1900s;
    if (!latest) { return null; }
    return { dates: [in2000s, in1900s].filter(Boolean), latest: latest, sex: female ? 'P' : 'L' };
  };
  const filled = new Set(); // the fields this script filled: a new NIK may refill them, entered values stay
  const check = () => {
    const fromNik = decode(nik.value.trim());
    const messages = [];
    if (fromNik) {
      if (!birth.value || filled.has(birth)) {
        if (birth.value !== fromNik.latest) { birth.value = fromNik.latest; filled.add(birth); }
      } else if (!fromNik.dates.includes(birth.value)) {
        messages.push(form.dataset.msgBirth.replace('{0}', nik.value.substring(6, 12)).replace('{1}', birth.value));
      }
      if (!sex.value || filled.has(sex)) {
        if (sex.value !== fromNik.sex) { sex.value = fromNik.sex; filled.add(sex); }
      } else if (sex.value !== fromNik.sex) {
        const key = fromNik.sex === 'P' ? 'msgSexMale' : 'msgSexFemale'; // named by the sex entered
        messages.push(form.dataset[key].replace('{0}', nik.value.substring(6, 8)));
      }
    }
    const warn = messages.length > 0;
    if (!warn && fromNik && filled.size) { messages.push(form.dataset.msgFilled); }
    note.textContent = messages.join(' ');
    note.hidden = messages.length === 0;
    note.className = warn ? 'flash warn' : 'hint';
    birth.setAttribute('aria-invalid', String(warn));
    sex.setAttribute('aria-invalid', String(warn));
  };
  nik.addEventListener('input', check);
  birth.addEventListener('change', () => { filled.delete(birth); check(); });
  sex.addEventListener('change', () => { filled.delete(sex); check(); });
  check();
})();
