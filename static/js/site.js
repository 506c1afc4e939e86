// Progressive enhancement only. Without JavaScript (or without `scripting` media query
// support) the menu is simply always open; the CSS hides it behind the toggle only on narrow
// screens in browsers that run scripts, so nothing jumps when this file loads.
(function () {
  "use strict";
  var nav = document.getElementById("main-nav");
  var toggle = nav && nav.querySelector(".main-nav__toggle");
  if (toggle) {
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("main-nav--open", open);
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
    // Close the open menu when focus or a click moves elsewhere on the page.
    document.addEventListener("focusin", function (event) {
      if (!nav.contains(event.target)) setOpen(false);
    });
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) setOpen(false);
    });
  }
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
