/* The "session expires" warning (C12; indsats.accounts.sessions).
 *
 * The modal in accounts/session_timeout.html carries, in seconds, how long the session
 * has before its idle and its absolute limit and how early to warn. Shortly before a
 * limit the script asks the server how long is really left (another tab may have kept
 * the session alive), and shows the DKFDS modal only if the limit is still near. "Forbliv
 * logget ind" posts the modal's form with fetch and starts the count again; when the time
 * is up, the browser goes to the login page, where the server says why.
 */
(function () {
  "use strict";

  var modal = document.querySelector("[data-session-timeout]");
  if (!modal || !window.fetch) {
    return;
  }
  var warningMs = Number(modal.getAttribute("data-warning-seconds")) * 1000;
  var statusUrl = modal.getAttribute("data-status-url");
  var loginUrl = modal.getAttribute("data-login-url");
  var keepAliveForm = modal.querySelector("[data-session-keep-alive]");
  var idleText = modal.querySelector('[data-session-reason="idle"]');
  var absoluteText = modal.querySelector('[data-session-reason="absolute"]');
  var dialog = window.DKFDS && window.DKFDS.Modal ? new window.DKFDS.Modal(modal) : null;
  var timer = null;
  var open = false;

  function goToLogin() {
    window.location.assign(loginUrl);
  }

  function show(byAbsolute) {
    idleText.hidden = byAbsolute;
    absoluteText.hidden = !byAbsolute;
    keepAliveForm.hidden = byAbsolute;
    if (!open) {
      open = true;
      if (dialog) {
        dialog.show();
      } else {
        modal.setAttribute("aria-hidden", "false");
      }
    }
  }

  function hide() {
    if (open) {
      open = false;
      if (dialog) {
        dialog.hide();
      } else {
        modal.setAttribute("aria-hidden", "true");
      }
    }
  }

  // Wake up when the warning is due (or, with the warning open, when the time is up).
  function schedule(state) {
    window.clearTimeout(timer);
    var leftMs = Math.min(state.idle_remaining, state.absolute_remaining) * 1000;
    var wait = open ? leftMs + 1000 : Math.max(0, leftMs - warningMs);
    timer = window.setTimeout(check, wait);
  }

  function answer(response) {
    if (response.status === 401) {
      goToLogin();
      return null;
    }
    if (!response.ok) {
      throw new Error("session status " + response.status);
    }
    return response.json();
  }

  function update(state) {
    if (!state) {
      return;
    }
    var leftMs = Math.min(state.idle_remaining, state.absolute_remaining) * 1000;
    if (leftMs <= 0) {
      goToLogin();
      return;
    }
    if (leftMs <= warningMs + 1000) {
      show(state.absolute_remaining <= state.idle_remaining);
    } else {
      hide();
    }
    schedule(state);
  }

  function check() {
    window
      .fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(answer)
      .then(update)
      .catch(function () {
        // The server could not be asked (offline?): try again in half a minute.
        window.clearTimeout(timer);
        timer = window.setTimeout(check, 30000);
      });
  }

  keepAliveForm.addEventListener("submit", function (event) {
    event.preventDefault();
    window
      .fetch(keepAliveForm.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        body: new FormData(keepAliveForm),
      })
      .then(answer)
      .then(function (state) {
        if (state) {
          hide();
          update(state);
        }
      })
      .catch(function () {
        keepAliveForm.submit(); // the form post does the same, with a page load
      });
  });

  schedule({
    idle_remaining: Number(modal.getAttribute("data-idle-remaining")),
    absolute_remaining: Number(modal.getAttribute("data-absolute-remaining")),
  });
})();
