// Busy state and progress from the server for forms whose work takes a while (issue 18 point 8). Two kinds:
// - form[data-upload-progress] (KUR files, contribution history, beneficiary lists, claim documents): the form is
//   sent with XMLHttpRequest (multipart, with its CSRF field); the browser's upload % is shown, then the server's
//   progress, until the server answers with the result fragment, which replaces #upload-result (or, for
//   data-upload-progress="page", with a whole page whose content replaces this page's).
// - form[data-progress] (the billing run, payment files): the form posts as usual (the page is replaced by the
//   answer) and the server's progress is shown meanwhile.
// Both put a fresh operation id (a UUID) into the form's hidden field "operation" and poll GET <data-progress-url><id>
// every 500 ms; the server reports how far the work is under that id, to this user only (404 until it has started).
// The submit button is disabled while busy. Without JavaScript the forms post as usual and the page shows the result.
(function () {
  if (!window.FormData || !window.XMLHttpRequest || !window.fetch) {
    return;
  }

  const uuid = () => {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };

  // The box (progress bar and status line) a form reports in: its data-progress-box, else the page's only one.
  const boxOf = form => document.getElementById(form.dataset.progressBox || 'upload-progress-box');

  function tracker(form) {
    const box = boxOf(form);
    const bar = box.querySelector('progress');
    const status = box.querySelector('[role="status"]');
    const button = form.querySelector('button[type="submit"]');
    const text = key => form.dataset[key] || '';
    let timer = null;
    let serverSeen = false;
    let stopped = false;

    const show = s => {
      // one bar for the whole operation: the steps before this one, and this step's share done
      const share = s.total > 0 ? Math.min(1, s.done / s.total) : 0;
      const value = s.finished ? 1 : s.steps > 0 ? (Math.max(0, s.step - 1) + share) / s.steps : share;
      bar.max = 1000;
      bar.value = Math.max(bar.value, Math.round(1000 * value)); // never back below the upload's tenth
      bar.dataset.server = 'true';
      status.textContent = s.text;
    };

    const poll = () => {
      const id = form.querySelector('input[name="operation"]').value;
      fetch(form.dataset.progressUrl + id, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(r => (r.ok ? r.json() : null))
        .then(s => {
          if (s && !stopped) {
            serverSeen = true;
            show(s);
          }
        })
        .catch(() => {})
        .finally(() => {
          if (!stopped) {
            timer = setTimeout(poll, 500);
          }
        });
    };

    return {
      start(firstText) {
        form.querySelector('input[name="operation"]').value = uuid();
        box.hidden = false;
        bar.max = 1000;
        bar.value = 0;
        delete bar.dataset.done;
        delete bar.dataset.server;
        status.textContent = firstText;
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        form.setAttribute('aria-busy', 'true');
        stopped = false;
        serverSeen = false;
        timer = setTimeout(poll, 500);
      },
      uploaded(percent) {
        if (!serverSeen) {
          bar.value = Math.round(10 * percent) / 10; // the bytes sent: the first tenth of the bar, not the work
          status.textContent = text('uploading') + ' ' + percent + '%';
        }
      },
      processing() {
        if (!serverSeen) {
          status.textContent = text('processing');
        }
      },
      stop(finalText, done) {
        stopped = true;
        clearTimeout(timer);
        button.disabled = false;
        button.removeAttribute('aria-busy');
        form.removeAttribute('aria-busy');
        if (done) {
          bar.value = bar.max;
          bar.dataset.done = 'true';
        }
        status.textContent = finalText;
      },
      text
    };
  }

  // The answer replaces what it stands for: the result fragment (#upload-result), or for data-upload-progress="page"
  // (the server answers with a whole page, e.g. after a redirect) the page's content, flash messages included.
  function showAnswer(form, xhr) {
    if (form.dataset.uploadProgress !== 'page') {
      const result = document.getElementById('upload-result');
      if (result) {
        result.outerHTML = xhr.responseText;
      }
      form.reset();
      return;
    }
    const section = form.closest('section[id]');
    const doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    const fresh = doc.querySelector('body > .container');
    const old = document.querySelector('body > .container');
    if (!fresh || !old) {
      window.location.assign(xhr.responseURL);
      return;
    }
    old.replaceWith(fresh);
    document.title = doc.title;
    history.replaceState(null, '', xhr.responseURL + (section ? '#' + section.id : ''));
    bind(fresh);
    document.dispatchEvent(new CustomEvent('htmx:afterSettle')); // layout.js formats and labels new content on it
    const target = section && document.getElementById(section.id);
    if (target) {
      target.scrollIntoView();
    }
  }

  function bindUpload(form) {
    const input = form.querySelector('input[type="file"]');
    const track = tracker(form);
    form.addEventListener('submit', event => {
      if (!input.files || input.files.length === 0) {
        return; // the server says what is missing
      }
      event.preventDefault();
      track.start(track.text('uploading') + ' 0%');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      const csrf = form.querySelector('input[name="_csrf"]');
      if (csrf) {
        xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
      }
      xhr.upload.onprogress = e => {
        if (e.lengthComputable && e.total > 0) {
          track.uploaded(Math.min(100, Math.round(100 * e.loaded / e.total)));
        }
      };
      xhr.upload.onload = () => track.processing();
      xhr.onload = () => {
        if (xhr.responseURL && new URL(xhr.responseURL).pathname.endsWith('/login')) {
          window.location.reload(); // the session ended: sign in again
          return;
        }
        if (xhr.status === 200) {
          track.stop(track.text('done'), true);
          showAnswer(form, xhr);
        } else {
          track.stop(track.text('failed') + ' (HTTP ' + xhr.status + ')', false);
        }
      };
      xhr.onerror = () => track.stop(track.text('failed'), false);
      xhr.send(new FormData(form));
    });
  }

  function bindPost(form) {
    const track = tracker(form);
    form.addEventListener('submit', () => {
      // the form posts as usual: the hidden field is filled before the browser reads the form's fields
      track.start(track.text('processing'));
    });
    // back from the result page (the page restored from the cache): not busy any more
    window.addEventListener('pageshow', e => {
      if (e.persisted) {
        track.stop('', false);
        boxOf(form).hidden = true;
      }
    });
  }

  function bind(root) {
    root.querySelectorAll('form[data-upload-progress]').forEach(bindUpload);
    root.querySelectorAll('form[data-progress]').forEach(bindPost);
  }

  bind(document);
})();
