// Live partnership page: the server's stream (/partnerships/{id}/live, server-sent events) says when
// events the person may see have committed; the pilots section is then fetched again and swapped in
// place, its chart redrawn. No page reload. Several events at once cause one fetch, then one more.
(function () {
  'use strict';
  var section = document.getElementById('pilots-section');
  if (!section || !window.EventSource || !window.fetch) {
    return;
  }
  var status = document.getElementById('live-status');
  var running = false;
  var again = false;

  function say(text) {
    if (status && text) {
      status.textContent = text;
    }
  }

  function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    fetch(section.getAttribute('data-fragment'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        // A session that ended answers with the sign-in page: leave the section as it is.
        if (!response.ok || response.redirected) {
          throw new Error('not refreshed: ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        section.setAttribute('aria-busy', 'true');
        section.innerHTML = html;
        section.setAttribute('aria-busy', 'false');
        if (window.CooperationCharts) {
          window.CooperationCharts.drawAll(section);
        }
        var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
        say((status && status.getAttribute('data-updated') || '').replace('{0}', time));
      })
      .catch(function () {
        say(status && status.getAttribute('data-offline'));
      })
      .then(function () {
        running = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var source = new EventSource(section.getAttribute('data-live'));
  source.addEventListener('change', refresh);
  source.addEventListener('error', function () {
    // The browser reconnects by itself; only a refused stream (session over) closes it.
    if (source.readyState === EventSource.CLOSED) {
      say(status && status.getAttribute('data-offline'));
    }
  });
})();
