/* Show only the parts of a form that fit the choices made (the registration page): an
   element with data-shown-when="field=value" shows while that radio button is chosen.
   Without JavaScript every part shows. A file, not inline, for the Content Security
   Policy (C12). */
(function () {
  "use strict";
  var first = document.querySelector("[data-shown-when]");
  var form = first && first.closest("form");
  if (!form) {
    return;
  }
  function update() {
    form.querySelectorAll("[data-shown-when]").forEach(function (section) {
      var rule = section.getAttribute("data-shown-when").split("=");
      var checked = form.querySelector('input[name="' + rule[0] + '"]:checked');
      section.hidden = !checked || checked.value !== rule[1];
    });
  }
  form.addEventListener("change", update);
  update();
})();
