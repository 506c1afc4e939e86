// Progressive enhancement only: without JavaScript the menu is simply always open.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var nav = document.getElementById("main-nav");
  if (!nav) return;
  var toggle = nav.querySelector(".main-nav__toggle");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    nav.classList.toggle("main-nav--open", !open);
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      nav.classList.remove("main-nav--open");
      toggle.focus();
    }
  });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
