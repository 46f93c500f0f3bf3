/*
 * Follows a long operation (a crawl, an index rebuild, a re-match) on its page.
 *
 * The server renders the operation's box with data-progress-url (a JSON endpoint),
 * optionally data-progress-path (where the progress object sits in that JSON, e.g.
 * "rebuild") and data-progress-running="true" while the operation is running. Every second
 * this script reads the JSON, writes each number into the box's [data-field="name"]
 * elements and its <progress> bar (done / total), and when the state is no longer RUNNING
 * or QUEUED it stops and reloads the page, so the result is rendered by the server in the
 * reader's language. No inline script: the Content-Security-Policy forbids it.
 */
(function () {
  'use strict';

  var RUNNING = ['RUNNING', 'QUEUED'];
  var EVERY_MS = 1000;
  var numbers = new Intl.NumberFormat('es-PE');

  function valueAt(data, path) {
    if (!path) {
      return data;
    }
    return path.split('.').reduce(function (node, key) {
      return node == null ? null : node[key];
    }, data);
  }

  function render(box, progress) {
    box.querySelectorAll('[data-field]').forEach(function (field) {
      var value = progress[field.getAttribute('data-field')];
      if (typeof value === 'number') {
        field.textContent = numbers.format(value);
      } else if (value != null) {
        field.textContent = String(value);
      }
    });
    var bar = box.querySelector('progress');
    if (bar && typeof progress.total === 'number' && progress.total > 0) {
      bar.max = progress.total;
      bar.value = Math.min(progress.done || 0, progress.total);
    }
  }

  function follow(box) {
    var url = box.getAttribute('data-progress-url');
    var path = box.getAttribute('data-progress-path');
    var timer = null;

    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (json) {
          var progress = valueAt(json, path) || {};
          render(box, progress);
          var state = progress.state || progress.status;
          if (state && RUNNING.indexOf(state) < 0) {
            window.clearInterval(timer);
            window.location.reload();
          }
        })
        .catch(function () {
          // A lost poll (network, a restart) is retried on the next tick.
        });
    }

    timer = window.setInterval(poll, EVERY_MS);
    poll();
  }

  document.querySelectorAll('[data-progress-url][data-progress-running="true"]').forEach(follow);
})();
