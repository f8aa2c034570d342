// Drafts kept on this device while the network is down (issue 18; docs/decisions.md, "Drafts on the agent's
// device"). Loaded by every page for users who register or enrol (fragments/drafts.html).
// - The registration form (/peserta/baru) and the enrolment form (/peserta/{id}/kepesertaan): a submission without a
//   network is kept here (localStorage, only the form's own fields, with a key the device makes) instead of lost;
//   with a network the form posts as before, with a CSRF token fetched just then (a kept form's token may be stale).
// - Kept drafts are sent when the network returns ('online', a page opened online, every 30 s), each with its key
//   (Idempotency-Key), to /api/drafts/...; the server's answer is shown per draft: sent, duplicate, refused with its
//   reasons. A sent or duplicate draft's fields are forgotten at once; only its outcome line stays, for this tab.
// - Signing out forgets the drafts and the service worker's caches.
(function () {
  const box = document.getElementById('drafts');
  if (!box) {
    return;
  }
  const list = document.getElementById('draft-list');
  const keptNote = document.getElementById('drafts-kept');
  const text = box.dataset;
  const user = text.user;
  const STORE = 'lindung.drafts';
  const RESULTS = 'lindung.draft-results';
  const PENDING = ['waiting', 'login', 'sending'];

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }

  const read = (storage, name) => {
    try {
      return JSON.parse(storage.getItem(name) || '[]');
    } catch (broken) {
      return [];
    }
  };
  // another user's drafts on this device (their session ended without signing out) are not this user's to send
  let drafts = read(localStorage, STORE).filter(d => d.user === user);
  let results = read(sessionStorage, RESULTS).filter(d => d.user === user);

  const uuid = () => (crypto.randomUUID ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g,
      c => (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));

  const el = (tag, attributes, content) => {
    const e = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (content !== undefined) {
      e.textContent = content;
    }
    return e;
  };

  const labelOf = field => {
    const label = field && document.querySelector('label[for="' + CSS.escape(field) + '"]');
    return label ? label.textContent.trim() : '';
  };

  const item = (d, outcome) => {
    const li = el('li', {class: 'draft draft-' + d.state, 'data-key': d.key, 'data-state': d.state});
    li.append(el('strong', {class: 'draft-label'}, d.label), ' ',
      el('span', {class: 'draft-state'}, text[d.state] || d.state));
    if (d.message) {
      li.append(el('p', {class: 'draft-message'}, d.message));
    }
    if (d.errors && d.errors.length) {
      const errors = el('ul', {class: 'draft-errors'});
      d.errors.forEach(e => {
        const label = labelOf(e.field);
        errors.append(el('li', {'data-field': e.field || ''}, (label ? label + ': ' : '') + e.message));
      });
      li.append(errors);
    }
    const actions = el('p', {class: 'draft-actions'});
    if (d.href) {
      actions.append(el('a', {href: d.href, class: 'button'}, text.open));
    }
    if (outcome || !PENDING.includes(d.state)) {
      const remove = el('button', {type: 'button', class: 'link draft-remove'}, text.remove);
      remove.addEventListener('click', () => {
        drafts = drafts.filter(x => x.key !== d.key);
        results = results.filter(x => x.key !== d.key);
        save();
      });
      actions.append(remove);
    }
    if (actions.childNodes.length) {
      li.append(actions);
    }
    return li;
  };

  const render = () => {
    list.replaceChildren(...drafts.map(d => item(d, false)), ...results.map(r => item(r, true)));
    box.hidden = !drafts.length && !results.length;
    keptNote.hidden = !drafts.some(d => d.state === 'waiting');
  };

  const save = () => {
    localStorage.setItem(STORE, JSON.stringify(drafts));
    sessionStorage.setItem(RESULTS, JSON.stringify(results));
    render();
  };

  // The session's CSRF token now: {status, token}; rejects when there is no network.
  const token = () => fetch('/api/drafts/csrf', {credentials: 'same-origin', cache: 'no-store',
    headers: {Accept: 'application/json'}})
    .then(r => (r.ok ? r.json().then(body => ({status: r.status, token: body})) : {status: r.status}));

  const targetOf = form => {
    const path = new URL(form.action, location.href).pathname;
    const value = name => (form.elements[name] ? String(form.elements[name].value || '').trim() : '');
    const chosen = name => {
      const select = form.elements[name];
      return select && select.selectedOptions && select.selectedOptions[0] ? select.selectedOptions[0].text : '';
    };
    if (form.id === 'participant-form' && path === '/peserta/baru') {
      return {kind: 'participant', url: '/api/drafts/participants',
        label: text.participant + ': ' + value('fullName') + ' (NIK ' + value('nik') + ')'};
    }
    const enrol = /^\/peserta\/(\d+)\/kepesertaan$/.exec(path);
    if (form.id === 'enrolment-form' && enrol) {
      return {kind: 'membership', url: '/api/drafts/participants/' + enrol[1] + '/memberships',
        label: text.membership + ' #' + enrol[1] + ': ' + chosen('segment') + ', ' + value('startMonth')};
    }
    return null;
  };

  const keep = (form, target, fields, state) => {
    drafts.push({key: uuid(), user, kind: target.kind, url: target.url, label: target.label, fields,
      state, savedAt: new Date().toISOString()});
    save();
    form.reset();
    box.scrollIntoView({block: 'start'});
  };

  const clearAll = () => {
    drafts = [];
    results = [];
    localStorage.removeItem(STORE);
    sessionStorage.removeItem(RESULTS);
    // the service worker goes too (the next sign-in installs it again), so that the sign-in page fills no cache
    const worker = 'serviceWorker' in navigator
      ? navigator.serviceWorker.getRegistrations().then(all => Promise.all(all.map(r => r.unregister())))
      : Promise.resolve();
    const cached = 'caches' in window
      ? caches.keys().then(keys => Promise.all(keys.map(k => caches.delete(k))))
      : Promise.resolve();
    return Promise.all([worker, cached]).catch(() => {});
  };

  document.addEventListener('submit', event => {
    const form = event.target;
    if (new URL(form.action, location.href).pathname === '/logout') {
      event.preventDefault();
      if (drafts.length && !window.confirm(text.logout)) {
        return;
      }
      clearAll().finally(() => form.submit());
      return;
    }
    const target = targetOf(form);
    if (!target || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    // the form's own fields only (not the CSRF token, not the employer filter's search text)
    const fields = [...new FormData(form)]
      .filter(([name, value]) => name !== '_csrf' && name !== 'q' && typeof value === 'string');
    if (navigator.onLine === false) {
      keep(form, target, fields, 'waiting');
      return;
    }
    token().then(answer => {
      if (answer.status === 401) {
        keep(form, target, fields, 'login');
        return;
      }
      const csrf = form.querySelector('input[name="_csrf"]');
      if (answer.token && csrf) {
        csrf.value = answer.token.token;
      }
      form.submit(); // online: the form's own post, as without this script
    }, () => keep(form, target, fields, 'waiting'));
  });

  const send = async (d, csrf) => {
    d.state = 'sending';
    save();
    let response;
    try {
      response = await fetch(d.url, {method: 'POST', credentials: 'same-origin', body: new URLSearchParams(d.fields),
        headers: {'Idempotency-Key': d.key, [csrf.headerName]: csrf.token, Accept: 'application/json'}});
    } catch (offline) {
      d.state = 'waiting';
      save();
      return;
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch (notJson) {
      // answered below
    }
    if (response.status === 401 || (!(answer && answer.state) && response.status >= 500)) {
      d.state = response.status === 401 ? 'login' : 'waiting';
      save();
      return;
    }
    const state = answer && answer.state ? answer.state.toLowerCase() : 'refused';
    const message = (answer && (answer.message || answer.detail)) || String(response.status);
    const errors = answer && Array.isArray(answer.errors) ? answer.errors : [];
    if (state === 'refused') {
      Object.assign(d, {state, message, errors}); // kept, for the agent to read and remove
    } else {
      drafts = drafts.filter(x => x.key !== d.key); // sent or there already: the personal data goes
      results = results.filter(x => x.key !== d.key); // a draft sent again: its latest answer
      results.push({user, key: d.key, label: d.label, state, message, href: answer.href || ''});
    }
    save();
  };

  let flushing = false;
  const flush = async () => {
    const pending = drafts.filter(d => PENDING.includes(d.state));
    if (flushing || !pending.length || navigator.onLine === false) {
      return;
    }
    flushing = true;
    try {
      let csrf;
      try {
        csrf = await token();
      } catch (offline) {
        return;
      }
      if (!csrf.token) {
        pending.forEach(d => { d.state = csrf.status === 401 ? 'login' : 'waiting'; });
        save();
        return;
      }
      for (const d of pending) {
        await send(d, csrf.token);
      }
    } finally {
      flushing = false;
    }
  };

  window.addEventListener('online', flush);
  window.addEventListener('storage', e => {
    if (e.key === STORE) {
      drafts = read(localStorage, STORE).filter(d => d.user === user);
      render();
    }
  });
  setInterval(flush, 30000);
  render();
  flush();
})();
