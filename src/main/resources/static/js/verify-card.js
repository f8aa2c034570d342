// The membership card's verification page (issue 19, point 4; docs/decisions.md, "Digital membership card"). The
// signed statement (a compact JWS, EdDSA over Ed25519) comes in the URL's fragment, so it never reaches a server; it
// is checked here with WebCrypto against the public keys the page carries (#card-keys), which the service worker
// keeps with the page for use without a network. Everything shown comes from a statement whose signature checked.
(function () {
  'use strict';
  const page = document.getElementById('verification');
  const verdict = document.getElementById('verdict');
  const statement = document.getElementById('statement');
  const text = page.dataset;
  const months = text.months.split(',');
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  function bytes(base64url) {
    if (!/^[A-Za-z0-9_-]*$/.test(base64url)) {
      throw new Error('not base64url');
    }
    let b = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (b.length % 4) {
      b += '=';
    }
    return Uint8Array.from(atob(b), c => c.charCodeAt(0));
  }

  function json(base64url) {
    return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes(base64url)));
  }

  function longDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return d + ' ' + months[m - 1] + ' ' + y;
  }

  // today on this device's calendar (the card's dates are days, not instants)
  function today() {
    const now = new Date();
    return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-'
      + String(now.getDate()).padStart(2, '0');
  }

  function show(state, message, claims) {
    verdict.dataset.state = state;
    verdict.textContent = message;
    statement.hidden = !claims;
    if (claims) {
      document.getElementById('statement-number').textContent = claims.no;
      document.getElementById('statement-initials').textContent = claims.ini;
      document.getElementById('statement-programmes').textContent = claims.prg.join(', ');
      const issued = new Date(claims.iat * 1000);
      const iso = issued.getFullYear() + '-' + String(issued.getMonth() + 1).padStart(2, '0') + '-'
        + String(issued.getDate()).padStart(2, '0');
      document.getElementById('statement-issued').textContent = text.issued.replace('{0}', longDate(iso));
    }
  }

  function wellFormed(claims) {
    return claims && typeof claims.no === 'string' && typeof claims.ini === 'string'
      && Array.isArray(claims.prg) && claims.prg.every(p => typeof p === 'string')
      && (claims.until === null || (typeof claims.until === 'string' && DATE.test(claims.until)))
      && Number.isInteger(claims.iat);
  }

  // the statement's claims when its signature checks with a published key, else null
  async function verified(token) {
    const parts = token.split('.');
    if (parts.length !== 3) {
      return null;
    }
    const header = json(parts[0]);
    const keys = JSON.parse(document.getElementById('card-keys').dataset.keys).keys || [];
    const jwk = keys.find(k => k.kid === header.kid && k.kty === 'OKP' && k.crv === 'Ed25519');
    if (header.alg !== 'EdDSA' || !jwk) {
      return null;
    }
    const key = await crypto.subtle.importKey(
      'jwk', {kty: 'OKP', crv: 'Ed25519', x: jwk.x}, {name: 'Ed25519'}, false, ['verify']);
    const signed = new TextEncoder().encode(parts[0] + '.' + parts[1]);
    const good = await crypto.subtle.verify({name: 'Ed25519'}, key, bytes(parts[2]), signed);
    return good ? json(parts[1]) : null;
  }

  async function check() {
    const token = location.hash.replace(/^#/, '').trim();
    if (!token) {
      show('empty', text.empty, null);
      return;
    }
    if (!window.crypto || !crypto.subtle) {
      show('unsupported', text.unsupported, null);
      return;
    }
    let claims;
    try {
      claims = await verified(token);
    } catch (e) {
      if (e && e.name === 'NotSupportedError') {
        show('unsupported', text.unsupported, null);
        return;
      }
      claims = null;
    }
    if (!wellFormed(claims)) {
      show('invalid', text.invalid, null);
    } else if (claims.until === null) {
      show('unprotected', text.unprotected, claims);
    } else if (claims.until < today()) {
      show('expired', text.expired.replace('{0}', longDate(claims.until)), claims);
    } else {
      show('valid', text.valid.replace('{0}', longDate(claims.until)), claims);
    }
  }

  window.addEventListener('hashchange', check);
  check();

  // keep this page (the keys in it), its script and style for use without a network: the service worker stores what
  // it fetches, and this first visit was fetched before it was there
  if ('serviceWorker' in navigator) {
    const keep = () => {
      const files = [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map(e => e.src || e.href);
      [location.pathname, ...files].forEach(url => fetch(url, {credentials: 'omit'}).catch(() => {}));
    };
    navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then(() => {
      if (navigator.serviceWorker.controller) {
        keep();
      } else {
        navigator.serviceWorker.addEventListener('controllerchange', keep, {once: true});
      }
    }).catch(() => {});
  }
})();
