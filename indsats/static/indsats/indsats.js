/* Indsats: start DKFDS, and give content that htmx swaps in the same behaviour. */
(function () {
  "use strict";

  if (!window.DKFDS) {
    return;
  }
  window.DKFDS.init();

  // DKFDS.init() also sets up the header's menu, which must happen once only; for
  // swapped-in content start just the components that can appear inside a page.
  document.addEventListener("htmx:load", function (event) {
    var root = event.detail.elt;
    if (!root || root === document.body || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll(".accordion, .accordion-bordered").forEach(function (element) {
      new window.DKFDS.Accordion(element).init();
    });
    root.querySelectorAll(".alert.has-close").forEach(function (element) {
      new window.DKFDS.Alert(element).init();
    });
    root.querySelectorAll(".tooltip-wrapper").forEach(function (element) {
      new window.DKFDS.Tooltip(element).init();
    });
    var summary = root.querySelector('[data-module="error-summary"]');
    if (summary) {
      new window.DKFDS.ErrorSummary(summary).init();
    }
  });
})();
