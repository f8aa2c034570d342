// File upload with a progress bar (KUR files, contribution history): the form marked data-upload-progress has its file
// sent with XMLHttpRequest (multipart, with the form's CSRF field), upload progress is shown in <progress>, then
// "processing" (the busy state: the button is disabled) until the server answers with the result fragment, which
// replaces #upload-result. Without JavaScript the form posts as usual and the page shows the result.
(function () {
  const form = document.querySelector('form[data-upload-progress]');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  const box = document.getElementById('upload-progress-box');
  const bar = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const button = form.querySelector('button[type="submit"]');
  const input = form.querySelector('input[type="file"]');
  const text = key => form.dataset[key] || '';

  form.addEventListener('submit', event => {
    if (!input.files || input.files.length === 0) {
      return; // the server says what is missing
    }
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    const csrf = form.querySelector('input[name="_csrf"]');
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
    }
    box.hidden = false;
    bar.max = 100;
    bar.value = 0;
    delete bar.dataset.done;
    status.textContent = text('uploading') + ' 0%';
    button.disabled = true;

    xhr.upload.onprogress = e => {
      if (e.lengthComputable && e.total > 0) {
        const percent = Math.min(100, Math.round(100 * e.loaded / e.total));
        bar.value = percent;
        status.textContent = text('uploading') + ' ' + percent + '%';
      }
    };
    xhr.upload.onload = () => {
      bar.value = bar.max;
      status.textContent = text('processing');
    };
    xhr.onload = () => {
      button.disabled = false;
      if (xhr.responseURL && new URL(xhr.responseURL).pathname.endsWith('/login')) {
        window.location.reload(); // the session ended: sign in again
        return;
      }
      if (xhr.status === 200) {
        bar.value = bar.max;
        bar.dataset.done = 'true';
        status.textContent = text('done');
        const result = document.getElementById('upload-result');
        if (result) {
          result.outerHTML = xhr.responseText;
        }
        form.reset();
      } else {
        status.textContent = text('failed') + ' (HTTP ' + xhr.status + ')';
      }
    };
    xhr.onerror = () => {
      button.disabled = false;
      status.textContent = text('failed');
    };
    xhr.send(new FormData(form));
  });
})();
