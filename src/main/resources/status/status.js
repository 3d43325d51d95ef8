// Renders /api/status into the table every few seconds. Every value goes in as text (textContent), never as HTML:
// messages carry what servers sent.
(function () {
  'use strict';
  var REFRESH_MS = 5000;
  var SOON_DAYS = 30;

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function when(iso) {
    if (!iso) {
      return 'never (since start)';
    }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function expiries(td, items, nameKey) {
    (items || []).forEach(function (item) {
      var line = document.createElement('div');
      line.textContent = item[nameKey] + ': ' + item.daysLeft;
      if (item.daysLeft < SOON_DAYS) {
        line.className = 'soon';
      }
      if (item.expiresAt) {
        line.title = item.expiresAt;
      }
      td.appendChild(line);
    });
  }

  function render(status) {
    var body = document.querySelector('#checks tbody');
    var rows = status.connections || [];
    var counts = { ok: 0, warning: 0, failed: 0 };
    body.textContent = '';
    rows.forEach(function (r) {
      counts[r.status] = (counts[r.status] || 0) + 1;
      var tr = document.createElement('tr');
      tr.className = r.status;
      tr.dataset.key = r.connection + '/' + r.check;
      cell(tr, r.connection, 'connection');
      cell(tr, r.check, 'check');
      cell(tr, r.status, 'status');
      cell(tr, r.category, 'category');
      var message = cell(tr, r.message, 'message');
      if (r.hint) {
        var hint = document.createElement('div');
        hint.className = 'hint';
        hint.textContent = 'Hint: ' + r.hint;
        message.appendChild(hint);
      }
      cell(tr, when(r.lastOk), 'last-ok');
      cell(tr, r.durationMs + ' ms', 'num duration');
      var days = cell(tr, '', 'days');
      expiries(days, r.certificates, 'role');
      expiries(days, r.credentials, 'kind');
      body.appendChild(tr);
    });
    document.getElementById('summary').textContent = rows.length + ' checks: ' + counts.ok + ' ok, '
        + counts.warning + ' warning, ' + counts.failed + ' failed. Updated ' + when(status.updatedAt) + '.';
  }

  function load() {
    fetch('api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('HTTP ' + answer.status);
        }
        return answer.json();
      })
      .then(function (status) {
        document.getElementById('error').hidden = true;
        render(status);
      })
      .catch(function (e) {
        var error = document.getElementById('error');
        error.textContent = 'Could not load /api/status: ' + e.message;
        error.hidden = false;
      })
      .then(function () {
        setTimeout(load, REFRESH_MS);
      });
  }

  load();
}());
