// Wagtail 8 writes two screen-reader labels in English into its templates, outside gettext:
// the search forms' hidden "Search" button and the slim header's "Actions" navigation. This
// gives them the admin language's words (data attributes of this script, from the catalogue:
// editorial/wagtail_hooks.py), on the page and in what arrives later (chooser modals, headers
// refreshed after saving). Only those exact English values are touched.
(() => {
  const { searchLabel, actionsLabel } = document.currentScript.dataset;
  const translate = (root) => {
    root.querySelectorAll('input[type="submit"][value="Search"]').forEach((button) => {
      button.value = searchLabel;
    });
    root.querySelectorAll('nav[aria-label="Actions"]').forEach((nav) => {
      nav.setAttribute("aria-label", actionsLabel);
    });
  };
  translate(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.parentNode) translate(node.parentNode);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
